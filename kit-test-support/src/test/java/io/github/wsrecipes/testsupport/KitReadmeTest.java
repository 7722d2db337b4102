package io.github.wsrecipes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Docs that cannot drift: every recipe module in the root POM has its row in the root README. */
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

    @Test
    void everyRecipeModuleHasAReadmeOfItsOwn() throws IOException {
        for (String module : recipeModules()) {
            assertThat(ROOT.resolve(module).resolve("README.md")).as("%s/README.md", module).isRegularFile();
        }
    }

    private static List<String> recipeModules() throws IOException {
        Matcher modules = RECIPE_MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> names = modules.results().map(match -> match.group(1)).toList();
        assertThat(names).as("recipe modules in pom.xml").isNotEmpty();
        return names;
    }
}
