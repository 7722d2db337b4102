package io.github.wsrecipes.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * A container image's training run for AppCDS: starts an app, waits for its ready line, and exits.
 * Run with {@code -XX:ArchiveClassesAtExit=app.jsa}, the JVM then writes every class the start loaded
 * into an archive; the image's JVM maps them from it, parsed and verified, instead of from the jar.
 * <pre>java -XX:ArchiveClassesAtExit=/app/app.jsa -cp /app/app.jar io.github.wsrecipes.support.StartOnce [ARGS…]</pre>
 * starts the jar's {@code Main-Class} with those arguments.
 */
public final class StartOnce {

    private StartOnce() {
    }

    public static void main(String[] args) throws Exception {
        String mainClass;
        try (JarFile jar = new JarFile(System.getProperty("java.class.path"))) {
            mainClass = jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        }
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        CountDownLatch ready = new CountDownLatch(1);
        System.setOut(new PrintStream(System.out, true) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.startsWith("Listening on ")) {
                    ready.countDown();
                }
            }
        });
        Thread app = new Thread(() -> {
            try {
                main.invoke(null, (Object) args);
            } catch (ReflectiveOperationException e) {
                e.printStackTrace();
                System.exit(1);
            }
        }, "main");
        app.setDaemon(true);
        app.start();
        if (!ready.await(60, SECONDS)) {
            System.err.println("No ready line (Listening on …) within 60 s");
            System.exit(1);
        }
        System.exit(0); // runs the app's shutdown hook, then the JVM writes the archive
    }
}
