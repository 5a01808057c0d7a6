package io.portcullis.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.SimDevice;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium driven by its chromium-driver through Selenium; no driver is
 * downloaded) over a served SSH lab with traffic: sign in, the fleet lists every lab router in policy after an API
 * apply, an out-of-band removal (by "mallory", named in the router's netconf-config-change) of TCP/2525 turns that row to drifted within 10 s without a reload, and the router
 * page names the TCP/2525 impact and charts the drops. A router quarantined in the database by another connection
 * (as a CLI run on another machine records it) gets its badge and the count goes up without a reload, and both go
 * once it is released. Screenshots of each page go to target/screenshots/.
 * Skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing (.ci/run installs both).
 */
@QuarkusTest
@Tag("quarkus")
@Tag("browser")
@Tag("lab")
@TestProfile(DashboardBrowserTest.Profile.class)
@QuarkusTestResource(value = DashboardLabResource.class, restrictToAnnotatedClass = true)
class DashboardBrowserTest {
    static final String READ = "browser-read-token";
    static final String WRITE = "Bearer browser-write-token";
    static final Path CHROMIUM = Path.of(System.getProperty("portcullis.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getProperty("portcullis.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static final String DB_URL =
            "jdbc:h2:mem:dashboard-browser-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.http.host-enabled", "true"),
                    Map.entry("quarkus.scheduler.enabled", "true"),
                    Map.entry("portcullis.watch.notifications", "true"),
                    Map.entry("portcullis.drift.period", "2s"),
                    Map.entry("portcullis.counters.period", "1s"),
                    Map.entry("portcullis.counters.delay", "1s"),
                    Map.entry("portcullis.api.token", "browser-write-token"),
                    Map.entry("portcullis.api.read-token", READ),
                    Map.entry("portcullis.policy", "policy"),
                    Map.entry("portcullis.confirm-timeout", "30"),
                    // another connection quarantines a router and the badge must show within 10 s: a short read cache
                    Map.entry("portcullis.quarantine.read-cache", "1s"),
                    Map.entry("portcullis.db.url", DB_URL));
        }
    }

    @TestHTTPResource("/")
    URL base;

    static WebDriver driver;

    @BeforeAll
    static void browser() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver); .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,900",
                "--no-first-run",
                "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signInSeeTheFleetInPolicyWatchADriftArriveAndReadItsImpactAndDrops() throws Exception {
        List<String> routers = DashboardLabResource.fleet.devices().stream()
                .map(SimDevice::name)
                .toList();
        applyThroughTheApi();

        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).as("no session: the login page").endsWith("/login");
        screenshot("login");
        driver.findElement(By.id("token")).sendKeys(READ);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("fleet")).size() == 1);
        assertThat(driver.getCurrentUrl()).doesNotContain(READ).doesNotContain("token");
        assertThat(driver.manage().getCookieNamed(DashboardSession.COOKIE).isHttpOnly())
                .isTrue();

        // every lab router listed, all in policy (the page polls; the after-apply check may still be landing)
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> rowStates(d).values().stream().allMatch("in policy"::equals)
                        && rowStates(d).size() == routers.size());
        assertThat(rowStates(driver).keySet()).containsExactlyInAnyOrderElementsOf(routers);
        assertThat(driver.findElement(By.cssSelector("[data-count=in_policy]")).getText())
                .isEqualTo(String.valueOf(routers.size()));
        for (WebElement rev : driver.findElements(By.cssSelector("#fleet tbody td.revision"))) {
            assertThat(rev.getText())
                    .as("the revision each router was compared with")
                    .contains("sha256:");
        }
        screenshot("fleet-in-policy");

        // someone removes the TCP/2525 entry from the OpenConfig router's ACL by hand
        SimDevice oc = DashboardLabResource.fleet.devices().stream()
                .filter(d -> d.platform().equals("openconfig"))
                .findFirst()
                .orElseThrow();
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'yes';");
        long t0 = System.nanoTime();
        oc.outOfBandEdit("""
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                 <acl xmlns="http://openconfig.net/yang/acl" xmlns:oc-acl="http://openconfig.net/yang/acl"><acl-sets><acl-set>
                  <name>PORTCULLIS-SUBPROTECT-V4</name><type>oc-acl:ACL_IPV4</type>
                  <acl-entries><acl-entry nc:operation="delete"><sequence-id>23</sequence-id></acl-entry></acl-entries>
                 </acl-set></acl-sets></acl></config>""", "mallory");
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(d -> "drifted".equals(rowStates(d).get(oc.name())));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(seconds).as("drifted within 10 s").isLessThan(10);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"))
                .as("no reload")
                .isEqualTo("yes");
        WebElement row = driver.findElement(By.cssSelector("tr[data-router='" + oc.name() + "']"));
        assertThat(row.getAttribute("class")).contains("state-drifted");
        assertThat(row.findElement(By.cssSelector(".badge .text")).getText())
                .as("state in words, not colour alone")
                .isEqualTo("drifted");
        screenshot("fleet-drifted");

        // the router page: the impact names TCP/2525, the chart has the drop series
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> DashboardLabResource.traffic != null
                        && !row(d, oc.name())
                                .findElement(By.cssSelector(".dropped .n"))
                                .getText()
                                .equals("—"));
        row.findElement(By.cssSelector("th a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("impact")).size() == 1);
        String impact = driver.findElement(By.id("impact")).getText();
        assertThat(impact).contains("TCP/2525").contains("dropped → forwarded");
        assertThat(driver.findElement(By.id("changed-by")).getText())
                .as("from the netconf-config-change")
                .contains("mallory");
        WebElement chart = driver.findElement(By.cssSelector("#drop-chart svg"));
        assertThat(chart.findElements(By.cssSelector("polyline[data-series='SMTP ipv4']")))
                .hasSize(1);
        assertThat(chart.findElements(By.cssSelector("polyline[data-series='SNMP ipv6']")))
                .hasSize(1);
        assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=runs-h]"))
                        .getText())
                .contains("apply");
        screenshot("router-drifted");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", chart);
        Files.copy(
                chart.getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve("dashboard-router-chart.png"),
                StandardCopyOption.REPLACE_EXISTING);

        driver.get(url("/runs?kind=apply"));
        assertThat(driver.findElement(By.cssSelector("table.runs")).getText()).contains("apply");
        driver.findElement(By.cssSelector("table.runs tbody th a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("table.outcomes")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("table.outcomes")).getText())
                .contains(oc.name())
                .contains("APPLIED");
        screenshot("run");

        driver.get(url("/?wall=1"));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("wall");
        screenshot("fleet-wall");
    }

    @Test
    void aRouterQuarantinedInTheDatabaseShowsItsBadgeWithoutAReloadAndLosesItOnRelease() throws Exception {
        try {
            quarantineShowsAndGoesWithoutAReload();
        } finally {
            driver.manage().deleteAllCookies(); // the other test starts signed out
        }
    }

    private void quarantineShowsAndGoesWithoutAReload() throws Exception {
        String router = DashboardLabResource.fleet.devices().get(0).name();
        signedInFleetPage();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d ->
                        rowStates(d).containsKey(router) && quarantineCount(d).equals("0"));
        assertThat(row(driver, router).findElements(By.cssSelector(".badge.quarantine")))
                .isEmpty();
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 'quarantine';");

        // another process (a CLI run elsewhere) leaves the router ROLLBACK_FAILED: a row in pcl_quarantine, written
        // through a connection of its own, not through this service
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(DB_URL);
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO pcl_quarantine (router, address, state, reason, run_id, actor, since) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, router);
            ps.setString(2, null);
            ps.setString(3, "ROLLBACK_FAILED");
            ps.setString(4, "the rollback could not be confirmed");
            ps.setString(5, "run-browser-q");
            ps.setString(6, "cli:ops");
            ps.setObject(7, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            ps.executeUpdate();
        }
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
                    .until(d -> !row(d, router)
                                    .findElements(By.cssSelector(".badge.quarantine"))
                                    .isEmpty()
                            && quarantineCount(d).equals("1"));
            WebElement badge = row(driver, router).findElement(By.cssSelector(".badge.quarantine"));
            assertThat(badge.getText()).as("in words, not colour alone").contains("quarantined");
            assertThat(badge.getAttribute("title")).contains("run-browser-q").contains("ROLLBACK_FAILED");
            assertThat(row(driver, router).getAttribute("class")).contains("quarantined");
            assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"))
                    .as("no reload")
                    .isEqualTo("quarantine");
            screenshot("fleet-quarantined");
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(DB_URL);
                    java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM pcl_quarantine WHERE router = ?")) {
                ps.setString(1, router);
                ps.executeUpdate();
            }
        }
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(d -> row(d, router)
                                .findElements(By.cssSelector(".badge.quarantine"))
                                .isEmpty()
                        && quarantineCount(d).equals("0"));
        assertThat(row(driver, router).getAttribute("class")).doesNotContain("quarantined");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"))
                .as("no reload")
                .isEqualTo("quarantine");
    }

    /** The fleet page, signing in first when this browser has no session yet (test methods run in any order). */
    private void signedInFleetPage() {
        driver.get(url("/"));
        if (driver.getCurrentUrl().endsWith("/login")) {
            driver.findElement(By.id("token")).sendKeys(READ);
            driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("fleet")).size() == 1);
    }

    private static String quarantineCount(WebDriver d) {
        return d.findElement(By.cssSelector("[data-count=quarantined]")).getText();
    }

    private static WebElement row(WebDriver d, String router) {
        return d.findElement(By.cssSelector("tr[data-router='" + router + "']"));
    }

    private static Map<String, String> rowStates(WebDriver d) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (WebElement tr : d.findElements(By.cssSelector("#fleet tbody tr"))) {
            out.put(
                    tr.getAttribute("data-router"),
                    tr.findElement(By.cssSelector(".badge .text")).getText());
        }
        return out;
    }

    private void applyThroughTheApi() throws InterruptedException {
        String runId = given().header("Authorization", WRITE)
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/apply")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("runId");
        long until = System.currentTimeMillis() + 90_000;
        Response run;
        do {
            Thread.sleep(200);
            run = given().header("Authorization", WRITE).when().get("/api/runs/" + runId);
        } while ("RUNNING".equals(run.jsonPath().getString("state")) && System.currentTimeMillis() < until);
        assertThat(run.jsonPath().getString("state")).as(run.asString()).isEqualTo("SUCCEEDED");
    }

    private String url(String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(), SCREENSHOTS.resolve("dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
