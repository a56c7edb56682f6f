package org.dnstracer.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, driven through Debian's chromedriver, both named explicitly so that Selenium Manager is never
 * asked to find (or download) a browser or a driver. Headless, no sandbox (root in CI), every background service
 * off, a fresh profile; console and network events recorded.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** What is missing to run a browser test, if anything. */
    static Optional<String> missing() {
        for (Path p : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(p)) {
                return Optional.of(p + " is missing (Debian packages chromium and chromium-driver; .ci/run installs "
                        + "them)");
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test when the browser is missing; under CI=true that fails instead, as for interop tests. */
    static void assumeAvailable(Map<String, String> environment) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(environment.get("CI"))) {
            throw new AssertionError("CI=true, so the browser test may not be skipped: " + missing.get());
        }
        System.out.println("browser test: skipped: " + missing.get());
        Assumptions.abort(missing.get());
    }

    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
