package dev.tally.audit.chargeback.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Renders the HTML report in headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) and reads it
 * back from the DOM: what a reader sees, not what the string contains. Without Chromium the test is skipped locally
 * and fails on CI ({@code CI=true}), where the browser is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("HTML report in a real browser")
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver browser;
    private Path userDataDir;
    private ChargebackReport report;
    private Path buildDir;
    private String pageUrl;

    @BeforeAll
    void openReport() throws IOException, URISyntaxException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but Chromium is missing: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium not installed (apt-get install -y chromium chromium-driver)");

        // target-<name>/test-classes -> target-<name>: keep the page and screenshot with this build's output.
        buildDir = Path.of(HtmlReportBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        report = SampleReports.withPreviousMonth();
        Path page = buildDir.resolve("html-report/chargeback-2026-10.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, new HtmlRenderer().render(report), StandardCharsets.UTF_8);

        userDataDir = Files.createTempDirectory("tally-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1300,900");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        pageUrl = page.toUri().toString();
        browser.get(pageUrl);
    }

    @AfterAll
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (userDataDir != null) {
            try (var files = Files.walk(userDataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String text(String cssSelector) {
        return browser.findElement(By.cssSelector(cssSelector)).getText();
    }

    @Test
    @DisplayName("the page renders with its title and headline figures, as the reader sees them")
    void headline() {
        assertThat(browser.getTitle()).isEqualTo("Chargeback 2026-10 (amortized)");
        assertThat(text("#headline-total .figure")).isEqualTo(Amounts.grouped(report.headline().total()));
        assertThat(text("#headline-change .figure")).isEqualTo(Amounts.signed(report.headline().change().orElseThrow()));
        assertThat(text("#headline-change .sub")).startsWith(
                Amounts.signedPercent(report.headline().changePercent(), "?"));
        assertThat(text("#headline-untagged .figure")).isEqualTo(report.headline().untaggedPercent().orElseThrow() + "%");
        assertThat(text("#headline-reconciliation .figure")).isEqualTo("reconciled");
        assertThat(text("#reconciliation-table [data-item='source-total']"))
                .isEqualTo(report.reconciliation().sourceTotal().toPlainString());
        assertThat(text("#reconciliation-table [data-item='difference']")).isEqualTo("0.00");
    }

    @Test
    @DisplayName("the charts exist with one bar per owner, two per owner month over month, one per top service")
    void charts() {
        int owners = report.owners().size();
        assertThat(browser.findElements(By.cssSelector("svg#owner-chart rect.bar"))).hasSize(owners);
        assertThat(browser.findElements(By.cssSelector("svg#mom-chart rect.bar.previous"))).hasSize(owners);
        assertThat(browser.findElements(By.cssSelector("svg#mom-chart rect.bar.current"))).hasSize(owners);
        assertThat(browser.findElements(By.cssSelector("svg#services-chart rect.bar")))
                .hasSize(report.topServices().size());
        assertThat(browser.findElements(By.cssSelector("svg#untagged-chart circle.slice"))).hasSize(2);
        WebElement firstBar = browser.findElements(By.cssSelector("svg#owner-chart rect.bar")).get(0);
        assertThat(firstBar.getRect().getWidth()).as("the largest owner's bar is drawn, not zero-width")
                .isGreaterThan(100);
    }

    @Test
    @DisplayName("the hostile tag value shows as text and injects no element")
    void escapedOwner() {
        String ownersTable = text("#owners-table");
        assertThat(ownersTable).contains("<img src=x onerror=alert(1)>\"'&{{css}}");
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
    }

    @Test
    @DisplayName("the browser loaded no other resource and logged no error")
    void noErrorsNoFetches() {
        Object resources = ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').length");
        assertThat(((Number) resources).intValue()).isZero();
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).isEmpty();
    }

    @Test
    @DisplayName("the console check can fail: a page that logs an error is caught (then the report is reloaded)")
    void consoleCheckCanFail() {
        try {
            browser.get("data:text/html,<script>console.error('chargeback-probe')</script>");
            List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(entries).anySatisfy(entry -> {
                assertThat(entry.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(entry.getMessage()).contains("chargeback-probe");
            });
        } finally {
            browser.get(pageUrl);
            browser.manage().logs().get(LogType.BROWSER);
        }
    }

    @Test
    @DisplayName("a full-page screenshot is saved for a human to look at")
    void screenshot() throws IOException {
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 40, 4000)));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = buildDir.resolve("screenshots/chargeback-report.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
