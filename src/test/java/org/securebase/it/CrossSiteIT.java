package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tool as it runs inside a learning platform's frame: the session cookie is {@code SameSite=None; Secure}
 * (its own failsafe execution sets SESSION_COOKIE_SAMESITE=None and SESSION_COOKIE_SECURE=true). In Chromium, with
 * the platform's course page on 127.0.0.1 and the tool on localhost (two sites): a framed launch keeps its session,
 * and, although the browser now sends the cookie with other sites' requests, they can neither submit a reflection
 * nor sign the browser in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteIT {

    @ArquillianResource
    private URL url;

    private static TestPlatform platform;
    private static boolean registered;
    private ChromeDriver driver;

    @BeforeAll
    static void startPlatform() {
        platform = new TestPlatform("securebase-framed-client");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @BeforeEach
    void start() throws Exception {
        driver = Browser.start(true);
        if (!registered) {
            WebClient admin = new WebClient(url.toURI()).signIn("admin@demo.securebase.org");
            String page = admin.get("admin/lti.xhtml").body();
            HttpResponse<String> saved = admin.postFaces("admin/lti.xhtml", page, "platform", Map.of(
                    "platform:name", "Framing Moodle", "platform:issuer", TestPlatform.ISSUER,
                    "platform:client", platform.clientId(), "platform:deployments", TestPlatform.DEPLOYMENT,
                    "platform:auth", platform.base() + "/auth", "platform:token", platform.base() + "/token",
                    "platform:jwks", platform.base() + "/jwks", "platform:save", ""));
            assertEquals(302, saved.statusCode(), saved.body());
            registered = true;
        }
    }

    @AfterEach
    void stop() {
        driver.quit();
    }

    /**
     * The session cookie, and the cookie carrying the replicated session's version (without which the server does
     * not find the session), are both sent with {@code SameSite=None; Secure}, and the version cookie only once: a
     * second copy without SameSite, written by the container, would be refused inside the frame.
     */
    @Test
    void theSessionCookieIsSameSiteNoneAndSecure() throws Exception {
        HttpResponse<String> login = new WebClient(url.toURI()).get("login.xhtml");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("SameSite=None")
                && c.contains("Secure") && c.contains("HttpOnly")), cookies::toString);
        List<String> versions = cookies.stream().filter(c -> c.startsWith("JSESSIONIDVERSION=")).toList();
        assertEquals(1, versions.size(), cookies::toString);
        assertTrue(versions.get(0).contains("SameSite=None") && versions.get(0).contains("Secure"),
                cookies::toString);
    }

    /**
     * The course page frames the tool's login initiation; the platform posts the launch into the frame; the
     * tool's answer must set a cookie the browser keeps there, so the module opens inside the frame instead of
     * the "open in a new window" fallback.
     */
    @Test
    void aLaunchInThePlatformsFrameKeepsItsSession() {
        platform.nextUser(TestPlatform.learner("learner-chromium", "Cora Chromium"));
        String tool = url.toString();
        String login = tool + "lti/login?iss=" + enc(TestPlatform.ISSUER) + "&login_hint=learner-chromium&client_id="
                + enc(platform.clientId()) + "&target_link_uri=" + enc(tool + "student/module.xhtml?m=it-review");
        String course = platform.serve("course", "<!DOCTYPE html><html><head><title>Course</title></head><body>"
                + "<h1>LTI course 101</h1><iframe id=\"tool\" title=\"Secure Base\" width=\"1100\" height=\"800\" src=\""
                + login.replace("&", "&amp;") + "\"></iframe></body></html>");
        driver.get(course);
        driver.switchTo().frame("tool");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> String.valueOf(((ChromeDriver) d).executeScript("return location.href"))
                .contains("/student/module.xhtml"));
        String inFrame = (String) driver.executeScript("return location.href");
        assertTrue(inFrame.contains("/student/module.xhtml?module=it-review"), inFrame);
        assertTrue(driver.findElement(By.cssSelector(".signed-in")).getText().contains("Cora Chromium"));
        driver.switchTo().defaultContent();
        Browser.screenshot(driver, "30-framed-launch");
    }

    @Test
    void anotherSiteCannotSubmitEvenThoughTheCookieGoesWithIt() {
        CrossSite.anotherSiteCannotSubmitAReflection(driver, url.toString(), platform, "student2@demo.securebase.org");
    }

    @Test
    void anotherSiteCannotPublishAnAuthorsInstrument() {
        CrossSite.anotherSiteCannotPublishAnInstrument(driver, url.toString(), platform, "admin@demo.securebase.org");
    }

    @Test
    void anotherSiteCannotSignTheBrowserIn() {
        CrossSite.anotherSiteCannotSignTheBrowserIn(driver, url.toString(), platform, "student4@demo.securebase.org");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
