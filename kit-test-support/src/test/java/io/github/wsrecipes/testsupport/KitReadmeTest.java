package io.github.wsrecipes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Docs that cannot drift: every recipe module in the root POM has its row in the root README, with its line counts. */
class KitReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern RECIPE_MODULE = Pattern.compile("<module>(recipe-[^<]+)</module>");

    @Test
    void everyRecipeModuleHasARowInTheReadmeRecipeTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> tableRows = readme.lines().filter(line -> line.startsWith("|")).toList();

        for (String module : recipeModules()) {
            assertThat(tableRows)
                    .as("README.md recipe table row for module %s", module)
                    .anyMatch(row -> row.contains("`" + module + "`"));
        }
    }

    /** The last column, {@code main class / src/main/java}, is what {@code wc -l} counts now, and within the shape's limits. */
    @Test
    void theLineCountsInTheRecipeTableAreTheSourcesLineCountsAndWithinTheShape() throws IOException {
        List<String> tableRows = Files.readString(ROOT.resolve("README.md")).lines().filter(line -> line.startsWith("|")).toList();
        for (String module : recipeModules()) {
            String row = tableRows.stream().filter(line -> line.contains("[`" + module + "`]")).findFirst().orElseThrow();
            Matcher mainClass = Pattern.compile("<main.class>([^<]+)</main.class>").matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
            assertThat(mainClass.find()).as("%s/pom.xml names its main class", module).isTrue();
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            long mainLines = lines(sources.resolve(mainClass.group(1).replace('.', '/') + ".java"));
            long allLines;
            try (var files = Files.walk(sources)) {
                allLines = files.filter(file -> file.toString().endsWith(".java")).mapToLong(KitReadmeTest::lines).sum();
            }
            assertThat(row).as("README.md row of %s", module).endsWith("| " + mainLines + " / " + allLines + " |");
            // RECIPES.md, "The shape of a recipe": read in a few minutes.
            assertThat(mainLines).as("lines of %s's main class", module).isLessThanOrEqualTo(150);
            assertThat(allLines).as("lines of %s/src/main/java", module).isLessThanOrEqualTo(600);
        }
    }

    @Test
    void everyRecipeModuleHasAReadmeOfItsOwn() throws IOException {
        for (String module : recipeModules()) {
            assertThat(ROOT.resolve(module).resolve("README.md")).as("%s/README.md", module).isRegularFile();
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> recipeModules() throws IOException {
        Matcher modules = RECIPE_MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> names = modules.results().map(match -> match.group(1)).toList();
        assertThat(names).as("recipe modules in pom.xml").isNotEmpty();
        return names;
    }
}
