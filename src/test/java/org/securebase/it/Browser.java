package org.securebase.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: explicit paths so Selenium never tries to
 * download a browser. Screenshots go to target/screenshots for people to look at.
 */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start() {
        return start(false);
    }

    /**
     * A browser; with {@code thirdPartyCookies}, one that keeps cookies in other sites' frames, as Chrome and
     * Firefox do by default for most people (Chromium's headless profile here blocks them unless told).
     */
    static ChromeDriver start(boolean thirdPartyCookies) {
        return start(thirdPartyCookies, "en-GB");
    }

    /** A browser whose user reads {@code language} (its Accept-Language), e.g. "pt-BR". */
    static ChromeDriver start(String language) {
        return start(false, language);
    }

    private static ChromeDriver start(boolean thirdPartyCookies, String language) {
        try {
            ChromeOptions options = new ChromeOptions();
            Map<String, Object> prefs = new java.util.HashMap<>();
            prefs.put("intl.accept_languages", language);
            if (thirdPartyCookies) {
                prefs.put("profile.cookie_controls_mode", 0);
                prefs.put("profile.block_third_party_cookies", false);
            }
            options.setExperimentalOption("prefs", prefs);
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            // The console, so a page whose script throws fails its test (see assertAccessible).
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-sync", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("securebase-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(
                            Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (WCAG 2 A and AA rules) on the current page and fails on any serious or critical violation,
     * naming the rule and the elements.
     */
    static void assertAccessible(ChromeDriver driver, String page) {
        assertNoScriptErrors(driver, page);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).limit(3).toList())
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("accessibility problems on " + page + ": " + serious);
        }
    }

    /**
     * Fails if a script on the page threw (an uncaught error in the console since the last look): a button whose
     * handler never attached looks fine and does nothing.
     */
    static void assertNoScriptErrors(ChromeDriver driver, String page) {
        List<String> thrown = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(message -> message.contains("Uncaught")).toList();
        if (!thrown.isEmpty()) {
            throw new AssertionError("script errors on " + page + ": " + thrown);
        }
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
