package io.github.wsrecipes.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the kit's page tests.
 *
 * <p>Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} are used when present,
 * so no driver is ever downloaded (CI is offline). Elsewhere Selenium finds a local Chrome on
 * its own. Without any browser the test is skipped with the reason, unless
 * {@code -Dkit.browser.required=true} (CI), where a missing browser fails the test instead.
 *
 * <pre>{@code
 * try (Chromium chromium = Chromium.start()) {
 *     chromium.open(baseUri);
 *     chromium.awaitText("log", text -> text.contains("yo"));
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {

    private static final Path DEBIAN_BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless browser with an empty profile, or skips (or fails) the test. */
    public static Chromium start() {
        // CI's second run, on the newest JDK, repeats the socket tests only.
        Assumptions.assumeFalse("off".equals(System.getProperty("kit.browser")), "page tests are off (-Dkit.browser=off)");
        Path profile = null;
        try {
            profile = Files.createTempDirectory("kit-chromium-");
            return new Chromium(newDriver(options(profile)), profile);
        } catch (Exception | LinkageError e) {
            deleteQuietly(profile);
            String reason = "headless Chromium is not available (" + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()) + "); install chromium and chromium-driver to run page tests";
            if (Boolean.getBoolean("kit.browser.required")) {
                Assertions.fail(reason + " [-Dkit.browser.required=true]", e);
            }
            Assumptions.abort(reason);
            throw new AssertionError("unreachable");
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        // The flags keep a headless browser from calling home: on an offline machine every such
        // attempt is refused, slowly, many times over.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        if (Files.isExecutable(DEBIAN_BROWSER)) {
            options.setBinary(DEBIAN_BROWSER.toFile());
        }
        return options;
    }

    private static WebDriver newDriver(ChromeOptions options) {
        if (Files.isExecutable(DEBIAN_DRIVER)) {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DEBIAN_DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        }
        return new ChromeDriver(options);
    }

    /** The Selenium driver, for whatever this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits until the text of the element with this id satisfies the condition; returns that text. */
    public String awaitText(String elementId, Predicate<String> condition) {
        String[] seen = {""};
        try {
            new WebDriverWait(driver, PATIENCE).until(d -> {
                seen[0] = d.findElement(By.id(elementId)).getText();
                return condition.test(seen[0]);
            });
        } catch (WebDriverException timeout) {
            Assertions.fail("#" + elementId + " never matched; it showed:\n" + seen[0], timeout);
        }
        return seen[0];
    }

    /** Runs a script in the page and returns its result (see {@code JavascriptExecutor}). */
    public Object script(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (Exception ignored) {
            // a leftover temp profile is harmless
        }
    }
}
