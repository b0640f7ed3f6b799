package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Another site's pages, in a real browser, trying to act for the person signed in to the tool (CSRF): served by
 * the test platform on 127.0.0.1 while the tool is on localhost, so the browser treats them as different sites
 * and applies its SameSite rules as it would in the field. Used in both session cookie modes (Lax, and None
 * inside a learning platform's frame).
 */
final class CrossSite {

    static final String MODULE = "it-xsite";

    private CrossSite() {
    }

    static void signIn(ChromeDriver driver, String tool, String email) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(tool + "login.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email"))).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(WebClient.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
    }

    /** A fetch from the tool's own page (same origin), answering "status body". */
    static String fetch(ChromeDriver driver, String method, String url, String json) {
        return (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', headers: "
                + "{'Content-Type': 'application/json'}, body: arguments[2]})"
                + ".then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t); }); })"
                + ".catch(function (e) { done('error ' + e); });", method, url, json);
    }

    /**
     * A student with a finished draft visits another site, whose page posts a plain-text form to the tool's
     * submission endpoint. The reflection must stay a draft.
     */
    static void anotherSiteCannotSubmitAReflection(ChromeDriver driver, String tool, TestPlatform site,
            String student) {
        signIn(driver, tool, student);
        driver.get(tool + "student/module.xhtml?module=" + MODULE);
        String api = tool + "api/modules/" + MODULE + "/reflection/";
        String text = "Long enough to be submitted, written by the student alone.";
        String saved = fetch(driver, "PUT", api + "drafts/seeking", "{\"text\":\"" + text + "\",\"revision\":0}");
        assertTrue(saved.startsWith("200 "), saved);
        String id = saved.replaceAll("(?s).*\"reflection\":(\\d+).*", "$1");
        assertTrue(fetch(driver, "PUT", api + "drafts/next-words", "{\"text\":\"" + text + "\",\"revision\":0}")
                .startsWith("200 "));

        String attack = site.serve("submit-" + student, "<!DOCTYPE html><html><body>"
                + "<form id=\"f\" method=\"post\" enctype=\"text/plain\" action=\"" + api + "submission\">"
                + "<input type=\"hidden\" name=\"{&quot;a&quot;:&quot;\" value=\"&quot;}\"></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>");
        driver.get(attack);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/submission"));
        String answer = driver.findElement(By.tagName("body")).getText();

        driver.get(tool + "student/module.xhtml?module=" + MODULE);
        String reflection = fetch(driver, "GET", tool + "api/reflections/" + id, null);
        assertTrue(reflection.startsWith("200 "), reflection);
        assertTrue(reflection.contains("\"status\":\"DRAFT\""), "another site submitted it: " + reflection
                + " (its answer: " + answer + ")");
    }

    /**
     * Another site's page posts the tool's sign-in form with its own account and an invented view state (login
     * CSRF). The browser must not end up signed in.
     */
    static void anotherSiteCannotSignTheBrowserIn(ChromeDriver driver, String tool, TestPlatform site,
            String attackerEmail) {
        String attack = site.serve("login-" + attackerEmail, "<!DOCTYPE html><html><body>"
                + "<form id=\"f\" method=\"post\" action=\"" + tool + "login.xhtml\">"
                + "<input type=\"hidden\" name=\"login\" value=\"login\">"
                + "<input type=\"hidden\" name=\"login:email\" value=\"" + attackerEmail + "\">"
                + "<input type=\"hidden\" name=\"login:password\" value=\"" + WebClient.PASSWORD + "\">"
                + "<input type=\"hidden\" name=\"login:submit\" value=\"\">"
                + "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" value=\"-1234567890123456789:1\">"
                + "<input type=\"hidden\" name=\"primefaces.nonce\" value=\"invented\">"
                + "</form><script>document.getElementById('f').submit();</script></body></html>");
        driver.get(attack);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(tool));
        driver.get(tool + "index.xhtml");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().equals(tool + "index.xhtml"));
        assertTrue(driver.getCurrentUrl().contains("/login.xhtml"), "signed in by another site: "
                + driver.getCurrentUrl());
        assertEquals(0, driver.findElements(By.cssSelector(".signed-in")).size(), "nobody is signed in");
    }

    /**
     * An author with a licensed instrument's draft open visits another site, whose page posts the instrument page's
     * own form back to the tool, licence ticked and Publish pressed, with the page's real view state and nonce (as
     * if the other site had them). The instrument must stay unpublished.
     */
    static void anotherSiteCannotPublishAnInstrument(ChromeDriver driver, String tool, TestPlatform site,
            String author) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        signIn(driver, tool, author);
        String slug = "xsite-scale-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        driver.get(tool + "studio/index.xhtml");
        driver.findElement(By.id("new-instrument:islug")).sendKeys(slug);
        driver.findElement(By.id("new-instrument:create-instrument")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inst:source")));
        StringBuilder fields = new StringBuilder();
        for (String name : java.util.List.of("jakarta.faces.ViewState", "primefaces.nonce")) {
            for (var input : driver.findElements(By.cssSelector("#inst input[name='" + name + "']"))) {
                fields.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(input.getAttribute("value")).append("\">");
            }
        }
        String page = tool + "studio/instrument.xhtml?instrument=" + slug;
        String attack = site.serve("publish-" + slug, "<!DOCTYPE html><html><body>"
                + "<form id=\"f\" method=\"post\" action=\"" + page + "\">"
                + "<input type=\"hidden\" name=\"inst\" value=\"inst\">"
                + "<input type=\"hidden\" name=\"inst:licence\" value=\"on\">"
                + "<input type=\"hidden\" name=\"inst:publish\" value=\"\">" + fields
                + "</form><script>document.getElementById('f').submit();</script></body></html>");
        driver.get(attack);
        wait.until(d -> d.getCurrentUrl().startsWith(tool));
        driver.get(page);
        String history = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history-heading")))
                .findElement(By.xpath("..")).getText();
        assertTrue(history.contains("Not published yet"), "another site published it: " + history);
        // The same form from the tool's own page does publish: the refusal above is the other site's, not the form's.
        driver.findElement(By.id("inst:licence")).click();
        driver.findElement(By.id("inst:publish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "published as version 1"));
    }
}
