package dev.labforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the web page's browser tests: Debian's headless Chromium driven by Debian's chromedriver (paths given
 * explicitly, so Selenium Manager never downloads a browser or a driver), a fresh profile per test class. Each page a
 * test shows is checked with axe-core (from the npm lock file) for serious and critical accessibility violations.
 * Screenshots go to target/screenshots, and to docs/screenshots with -Dscreenshots.update=true.
 */
public abstract class BrowserTest extends IntegrationTest {

    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path AXE = Path.of("target/frontend/node_modules/axe-core/axe.min.js");

    protected static ChromeDriver browser;
    private static ChromeDriverService service;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!new File(driverPath()).canExecute() || !new File(browserPath()).canExecute()) {
            throw new IllegalStateException("the web page's browser tests need Debian's chromium and chromedriver at "
                    + browserPath() + " and " + driverPath() + ": apt-get install chromium chromium-driver (.ci/run"
                    + " does), or name others with -Dlabforge.chromium= and -Dlabforge.chromedriver=");
        }
        profile = Files.createTempDirectory("labforge-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath()))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(browserPath());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String driverPath() {
        return System.getProperty("labforge.chromedriver", "/usr/bin/chromedriver");
    }

    private static String browserPath() {
        return System.getProperty("labforge.chromium", "/usr/bin/chromium");
    }

    /** What the page's xterm.js terminal ({@code [data-console]}) shows, line by line. */
    protected String terminalText() {
        return String.valueOf(browser.executeScript(
                "const screen = document.querySelector('[data-console]');"
                        + " if (!screen || !screen.terminal) return '';"
                        + " const buffer = screen.terminal.buffer.active; const lines = [];"
                        + " for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));"
                        + " return lines.join('\\n');"));
    }

    /** Types a line, then Enter, into the page's terminal. */
    protected void typeInConsole(String line) {
        WebElement input = browser.findElement(By.cssSelector("[data-console] .xterm-helper-textarea"));
        input.sendKeys(line);
        input.sendKeys(Keys.ENTER);
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    protected WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void width(int pixels) {
        browser.manage().window().setSize(new Dimension(pixels, pixels < 600 ? 844 : 900));
    }

    /** Signs in through the page with an API token, as a person would paste it. */
    protected void signIn(String token) {
        browser.manage().deleteAllCookies();
        open("/signin");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
        waiting().until(ExpectedConditions.urlMatches("/(labs)?$"));
    }

    /** Runs axe-core on the page as shown now and fails on any serious or critical violation. */
    @SuppressWarnings("unchecked")
    protected void accessible() throws IOException {
        browser.executeScript(Files.readString(AXE));
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat((List<String>) result).as("serious or critical axe-core violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    protected void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("screenshots.update")) {
            Path docs = Path.of("docs/screenshots", name + ".png");
            Files.createDirectories(docs.getParent());
            Files.copy(shot.toPath(), docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Calls the API from the page, as its script does (the session cookie and the page's CSRF token). */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> fetchFromPage(String method, String path) {
        return (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('meta[name="csrf-token"]').content;
                fetch(arguments[1], { method: arguments[0], headers: { 'X-CSRF-Token': csrf } })
                  .then(r => r.text().then(t => done({ status: r.status, body: t })))
                  .catch(e => done({ status: -1, body: String(e) }));""", method, path);
    }
}
