package io.github.wsrecipes.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The container images' AppCDS training start ({@code StartOnce}), on this machine's JDK, as each Dockerfile runs it. */
class StartOnceIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aTrainingStartLeavesAnArchiveThatTheNextStartLoadsTheRecipesClassesFrom() throws Exception {
        Path archive = dir.resolve("recipe-01-server.jsa");
        Process training = new ProcessBuilder(RecipeJar.java(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
                "-cp", RecipeJar.jar("recipe-01-server").toString(), "io.github.wsrecipes.support.StartOnce", "--port", "0")
                .redirectErrorStream(true).start();
        String printed = new String(training.getInputStream().readAllBytes(), UTF_8);
        assertThat(training.waitFor()).as(printed).isZero();
        assertThat(printed).contains("Listening on http://localhost:");
        assertThat(archive).isNotEmptyFile();

        try (RecipeJar app = RecipeJar.start(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"), "recipe-01-server", "--port", "0")) {
            app.baseUri();
            assertThat(app.output()).contains("io.github.wsrecipes.server.EchoServer source: shared objects file (top)");
            app.stop();
            assertThat(app.exitCode()).isEqualTo(143);
        }
    }
}
