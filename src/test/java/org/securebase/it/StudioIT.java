package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The authoring studio over real HTTP and in a real browser: a tutor given the author right writes a branching
 * module, sees a validation problem at its line and fixes it, previews two paths, publishes, and a student of the
 * school takes it while another school's people find nothing. Two authors never overwrite each other; a malformed
 * upload imports nothing; every shipped module survives import and export unchanged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudioIT {

    static final String TUTOR = "tutor@demo.securebase.org";
    static final String TUTOR2 = "tutor2@demo.securebase.org";
    static final String ADMIN = "admin@demo.securebase.org";
    static final String ADMIN2 = "admin2@demo.securebase.org";
    static final String STUDENT = "student1@demo.securebase.org";

    /** A cohort of its own, whose plan gets the new module (see {@link PlanCohorts}). */
    static final long PLAN_COHORT = 9900200;

    /** A cohort of its own whose plan's first milestone asks for a school's instrument. */
    static final long INSTRUMENT_COHORT = 9900500;

    private static final Pattern REVISION = Pattern.compile("data-revision=\"(\\d+)\"");

    @ArquillianResource
    private URL url;

    private URI base;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
    }

    private WebClient as(String email) {
        return new WebClient(base).signIn(email);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** A short branching module, original text: two readings lead to two different second visits and endings. */
    static String module(String slug, String wrongNext) {
        return """
                slug: %s
                title: "Night calls from the flat above the shop"
                patterns: [hyperactivating]
                setting: "Out-of-hours general practice"
                estimatedMinutes: 15
                summary: |
                  For medical students (Year 3). A man phones the out-of-hours service three nights running.
                objectives:
                  - "By the end you can weigh what repeated night calls may be asking for."
                stages:
                  - id: first-call
                    title: "The first call"
                    body: |
                      Mr Idris Bello, 61, rings at two in the morning about a tight feeling in his throat.
                      He has rung twice this week. His observations, read out by his daughter, are normal.
                    question:
                      text: "Which reading fits best?"
                      options:
                        - text: "He is frightened at night and rings when he is alone with it"
                          correct: true
                          feedback: "The calls come when nobody is near."
                          consequence: "He agrees to a morning appointment and says he will sleep."
                          next: morning
                        - text: "He wants a prescription he has been refused"
                          feedback: "Nothing in the calls asks for a drug."
                          consequence: "He rings again an hour later, more frightened."
                          next: %s
                  - id: morning
                    title: "The morning appointment"
                    body: |
                      MORNING-PATH: he comes with his daughter and talks about his wife's death last spring.
                    next: ending
                  - id: third-call
                    title: "The third call"
                    body: |
                      THIRD-CALL-PATH: he rings at four, and the call handler sends an ambulance.
                    next: ending
                  - id: ending
                    title: "A month later"
                    body: |
                      He has not rung at night since the practice gave him a named doctor.
                    ending: true
                prompts:
                  - id: noticing
                    text: "What did you notice in yourself when the third call came in?"
                    guidance: "Start from a moment; describe before you explain."
                    minLength: 50
                commentary: |
                  COMMENTARY-TEXT: each path shows what a reply at night does to the next call.
                references:
                  - "Holmes J, Elder A. Psychotherapy in General Practice. 2002."
                """.formatted(slug, wrongNext);
    }

    private static long revision(String page) {
        Matcher m = REVISION.matcher(page);
        assertTrue(m.find(), "the editor names its revision: " + page);
        return Long.parseLong(m.group(1));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Object cm(ChromeDriver driver, String script, Object... args) {
        return driver.executeScript("var cm = document.querySelector('.CodeMirror').CodeMirror; " + script, args);
    }

    @Test
    void anAuthorWritesABranchingModuleFixesAProblemAtItsLinePreviewsTwoPathsAndAStudentTakesIt() throws Exception {
        String slug = "night-calls-" + suffix();
        java.util.List<String> planStudents = PlanCohorts.create(PLAN_COHORT, "Studio plan cohort (test)", "studio",
                1, TUTOR);
        // Without the right, no studio: a tutor finds nothing, a student is refused the area.
        assertEquals(404, as(TUTOR2).get("studio/index.xhtml").statusCode());
        assertEquals(403, as(STUDENT).get("studio/index.xhtml").statusCode());
        assertEquals(404, as(STUDENT).get("api/studio/modules/the-racing-heart/file").statusCode(),
                "a module's file holds its answers: no student gets it");

        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            // The school's administrator grants the author right, in the browser.
            CrossSite.signIn(driver, base.toString(), ADMIN);
            driver.get(base.resolve("admin/authors.xhtml").toString());
            Browser.assertAccessible(driver, "admin/authors");
            WebElement row = driver.findElement(By.cssSelector("tr.tutor-row[data-email='" + TUTOR + "']"));
            if (row.findElement(By.cssSelector(".grant-button")).getAttribute("value").startsWith("Grant")) {
                row.findElement(By.cssSelector(".grant-button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                        "tr.tutor-row[data-email='" + TUTOR + "']"), "Yes"));
            }
            driver.manage().deleteAllCookies();

            CrossSite.signIn(driver, base.toString(), TUTOR);
            driver.get(base.resolve("studio/index.xhtml").toString());
            Browser.assertAccessible(driver, "studio/index");
            Browser.screenshot(driver, "studio-index");
            driver.findElement(By.id("new-module:slug")).sendKeys(slug);
            driver.findElement(By.id("new-module:title")).sendKeys("Night calls");
            driver.findElement(By.id("new-module:create")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor.enhanced")));

            // The module written with one mistake: an option leads to a stage that does not exist.
            String broken = module(slug, "nowhere");
            int brokenLine = broken.lines().toList().indexOf("          next: nowhere") + 1;
            assertTrue(brokenLine > 0);
            cm(driver, "cm.setValue(arguments[0]);", broken);
            WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#problems .goto-line[data-line='" + brokenLine + "']")));
            assertTrue(problem.findElement(By.xpath("..")).getText().contains("'nowhere'"),
                    "the problem is told beside its line: " + problem.findElement(By.xpath("..")).getText());
            wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror-lint-marker-error")).isEmpty());
            Browser.assertAccessible(driver, "studio/edit");
            Browser.screenshot(driver, "studio-editor-problem");

            // Publishing is refused while the problem stands.
            driver.findElement(By.id("actions:publish")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.refused")));
            assertTrue(driver.findElement(By.cssSelector("ul.refused")).getText().contains("nowhere"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor.enhanced")));

            // The author goes to the line from the list and fixes it by keyboard.
            problem = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    "#problems .goto-line[data-line='" + brokenLine + "']")));
            problem.click();
            assertEquals((long) brokenLine - 1, cm(driver, "return cm.getCursor().line;"));
            new Actions(driver).sendKeys(Keys.END).keyDown(Keys.SHIFT).sendKeys(Keys.HOME).keyUp(Keys.SHIFT)
                    .sendKeys("next: third-call").perform();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "No problems"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved"));
            assertEquals(module(slug, "third-call"), cm(driver, "return cm.getValue();"));

            // Another author saves the same draft meanwhile: this editor's next save meets the choice.
            WebClient admin = as(ADMIN);
            long seen = revision(admin.get("studio/edit.xhtml?module=" + slug).body());
            String theirs = module(slug, "third-call").replace("A month later", "Six weeks later");
            assertEquals(200, admin.putJson("api/studio/drafts/" + slug, "{\"source\":" + json(theirs)
                    + ",\"revision\":" + seen + "}").statusCode());
            cm(driver, "cm.replaceRange('# mine\\n', {line: 0, ch: 0});");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".conflict-use-theirs")));
            assertTrue(driver.findElement(By.cssSelector(".conflict")).getText().contains("Sam Whitfield"),
                    driver.findElement(By.cssSelector(".conflict")).getText());
            assertTrue(((String) cm(driver, "return cm.getValue();")).startsWith("# mine"), "mine is still here");
            driver.findElement(By.cssSelector(".conflict-use-theirs")).click();
            wait.until(d -> ((String) cm((ChromeDriver) d, "return cm.getValue();")).contains("Six weeks later"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved"));

            // Preview as a trainee, on both paths: nothing is recorded.
            driver.findElement(By.id("preview-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".replay-options a")));
            Browser.assertAccessible(driver, "studio/preview");
            driver.findElements(By.cssSelector(".replay-options a")).get(0).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-ended")));
            String first = driver.findElement(By.tagName("main")).getText();
            assertTrue(first.contains("MORNING-PATH") && !first.contains("THIRD-CALL-PATH"), first);
            assertTrue(first.contains("COMMENTARY-TEXT") && first.contains("Six weeks later"), first);
            Browser.screenshot(driver, "studio-preview");
            driver.findElement(By.id("preview-again")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".replay-options a")));
            driver.findElements(By.cssSelector(".replay-options a")).get(1).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-ended")));
            String second = driver.findElement(By.tagName("main")).getText();
            assertTrue(second.contains("THIRD-CALL-PATH") && !second.contains("MORNING-PATH"), second);

            // Publish: a first version, by the tutor, in the history.
            driver.get(base.resolve("studio/edit.xhtml?module=" + slug).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor.enhanced")));
            driver.findElement(By.id("actions:publish")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.version")));
            String history = driver.findElement(By.tagName("main")).getText();
            assertTrue(history.contains("v1") && history.contains("Dr Helen Marsh") && history.contains("Published"),
                    history);
            Browser.assertAccessible(driver, "studio/history");
            Browser.screenshot(driver, "studio-history");

            // The author places it in a cohort's plan, due in five days.
            driver.get(base.resolve("staff/plan.xhtml?id=" + PLAN_COHORT).toString());
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("plan:module")))
                    .selectByValue(slug);
            driver.findElement(By.id("plan:addModule")).click();
            WebElement due = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#plan-steps li[data-key='" + slug + "'] input[id^='due-']")));
            java.time.ZoneId zone = java.time.ZoneId.of(driver.findElement(By.id("plan-steps"))
                    .getAttribute("data-zone"));
            driver.executeScript("arguments[0].value = arguments[1];", due, java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd'T'HH:mm").format(java.time.Instant.now().plus(Duration.ofDays(5))
                            .atZone(zone)));
            driver.findElement(By.id("plan:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The dates are saved"));
        } finally {
            driver.quit();
        }

        // A student of that cohort sees it due, and takes it.
        WebClient planned = new WebClient(base).signIn(planStudents.get(0));
        String curriculum = planned.get("student/index.xhtml").body();
        Matcher card = Pattern.compile("data-slug=\"" + Pattern.quote(slug) + "\">(.*?)</li>", Pattern.DOTALL)
                .matcher(curriculum);
        assertTrue(card.find() && card.group(1).contains("data-standing=\"NOT_STARTED\"")
                && card.group(1).contains("Due "), curriculum);
        assertTrue(planned.get("student/module.xhtml?module=" + slug).body().contains("The first call"));
        assertTrue(planned.get("student/index.xhtml").body().contains("data-standing=\"IN_PROGRESS\""));

        // A student of the school finds it and takes it; the file is the one published.
        WebClient student = as(STUDENT);
        assertTrue(student.get("student/index.xhtml").body().contains("data-slug=\"" + slug + "\""));
        String page = student.get("student/module.xhtml?module=" + slug).body();
        assertTrue(page.contains("The first call"), page);
        WebClient tutor = as(TUTOR);
        String file = tutor.get("api/studio/modules/" + slug + "/file").body();
        assertTrue(file.contains("Six weeks later") && file.contains("next: third-call"), file);

        // Another school's people find nothing: pages, API, files.
        WebClient other = as(ADMIN2);
        assertEquals(404, other.get("studio/edit.xhtml?module=" + slug).statusCode());
        assertEquals(404, other.get("studio/history.xhtml?module=" + slug).statusCode());
        assertEquals(404, other.get("studio/preview.xhtml?module=" + slug).statusCode());
        assertEquals(404, other.get("api/studio/modules/" + slug + "/file").statusCode());
        assertEquals(404, other.putJson("api/studio/drafts/" + slug, "{\"source\":\"x\",\"revision\":0}")
                .statusCode());
        assertFalse(other.get("studio/index.xhtml").body().contains(slug));
        WebClient eastStudent = new WebClient(base).signIn(eastbridgeStudent());
        assertEquals(404, eastStudent.get("student/module.xhtml?module=" + slug).statusCode());
        assertFalse(eastStudent.get("student/index.xhtml").body().contains(slug));

        // Unpublished: gone from new starts; the student who started keeps it.
        String studio = tutor.get("studio/index.xhtml").body();
        assertTrue(studio.contains(slug));
        WebClient student3 = as("student3@demo.securebase.org");
        assertTrue(student3.get("student/index.xhtml").body().contains("data-slug=\"" + slug + "\""));
        unpublish(tutor, slug);
        assertFalse(student3.get("student/index.xhtml").body().contains("data-slug=\"" + slug + "\""));
        assertEquals(404, student3.get("student/module.xhtml?module=" + slug).statusCode());
        assertTrue(student.get("student/module.xhtml?module=" + slug).body().contains("The first call"),
                "who started keeps their version");
    }

    /** Unpublishes through the studio's own form, as the author's click does. */
    /**
     * The structured editor: an author who never sees the file changes a stage, meets a problem beside the field
     * it concerns and fixes it, adds an option and routes it, reorders stages (routes follow their ids), meets
     * another author's save without losing either, and publishes; the file holds every change.
     */
    @Test
    void anAuthorEditsAModuleInTheFormSeesAProblemBesideItsFieldAndPublishesWithoutTouchingTheFile()
            throws Exception {
        String slug = "form-calls-" + suffix();
        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), ADMIN);
            driver.get(base.resolve("studio/index.xhtml").toString());
            driver.findElement(By.id("new-module:slug")).sendKeys(slug);
            driver.findElement(By.id("new-module:title")).sendKeys("Night calls, in the form");
            driver.findElement(By.id("new-module:create")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor")));
            driver.findElement(By.id("in-form")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:st:1:title")));
            assertEquals("Night calls, in the form", driver.findElement(By.id("f:title")).getAttribute("value"));
            assertTrue(driver.findElement(By.id("problems")).getText().contains("No problems"));

            // A stage's title emptied: the problem stands beside that field, and in the list.
            WebElement title = driver.findElement(By.id("f:st:1:title"));
            title.clear();
            title.sendKeys(Keys.TAB);
            WebClient server = as(ADMIN);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems-stages-1-title"),
                    "'title' is empty"));
            assertEquals("true", driver.findElement(By.id("f:st:1:title")).getAttribute("aria-invalid"));
            assertTrue(driver.findElement(By.id("problems")).getText().contains("'title' is empty"));
            Browser.assertAccessible(driver, "studio/form");
            Browser.screenshot(driver, "studio-form-problem");
            // The list's link takes the keyboard to the field; the author types the title back.
            driver.findElement(By.cssSelector("#problems a.goto-field")).click();
            assertEquals("f:st:1:title", driver.switchTo().activeElement().getAttribute("id"));
            driver.switchTo().activeElement().sendKeys("The morning after", Keys.TAB);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "No problems"));
            assertEquals("", driver.findElement(By.id("problems-stages-1-title")).getText());

            // Prose typed into a stage is saved as the author types (no leaving the field needed).
            driver.findElement(By.id("f:st:0:body")).sendKeys(Keys.END, "\nFORM-EDIT: he rings from the landing.");
            wait.until(d -> server.get("studio/edit.xhtml?module=" + slug).body().contains("FORM-EDIT"));

            // A third option, routed to the second reading's stage: the path map labels the shared route.
            driver.findElement(By.id("f:st:0:add-option")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f:st:0:op:2:text")));
            assertEquals("f:st:0:op:2:text", driver.switchTo().activeElement().getAttribute("id"),
                    "the keyboard is in the new option");
            driver.findElement(By.id("f:st:0:op:2:text")).sendKeys("He is testing whether anyone will come");
            driver.findElement(By.id("f:st:0:op:2:feedback")).sendKeys("Possible, but he asks for nobody.");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f:st:0:op:2:next")))
                    .selectByValue("unsettled");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.routes"),
                    "Stage 1 (B, C): to stage 3"));
            assertEquals(4, driver.findElements(By.cssSelector("svg.path-map .path-stage")).size());

            // The second reading's stage moved up: the routes follow the stage, not the position.
            driver.findElement(By.id("f:st:2:up")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.routes"),
                    "Stage 1 (B, C): to stage 2"));
            assertEquals("unsettled", driver.findElement(By.cssSelector("#field-stages-1")).getAttribute(
                    "data-stage"));
            driver.executeScript("document.getElementById('f:path-map').scrollIntoView();");
            Browser.screenshot(driver, "studio-form-map");

            // Another author (another tab) saves meanwhile: this page's next save is refused, and keeps its fields.
            long seen = revision(server.get("studio/edit.xhtml?module=" + slug).body());
            String theirs = module(slug, "third-call").replace("A month later", "THEIR-EDIT");
            assertEquals(200, server.putJson("api/studio/drafts/" + slug, "{\"source\":" + json(theirs)
                    + ",\"revision\":" + seen + "}").statusCode());
            driver.findElement(By.id("f:setting")).sendKeys(" (MINE)", Keys.TAB);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".conflict-keep-mine")));
            assertTrue(driver.findElement(By.cssSelector(".conflict")).getText().contains("Sam Whitfield"));
            assertTrue(driver.findElement(By.id("f:setting")).getAttribute("value").endsWith("(MINE)"));
            driver.findElement(By.cssSelector(".conflict-keep-mine")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".conflict")));
            wait.until(d -> server.get("studio/edit.xhtml?module=" + slug).body().contains("(MINE)"));

            driver.findElement(By.id("f:publish")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.version")));
        } finally {
            driver.quit();
        }
        String file = server(slug);
        assertTrue(file.contains("FORM-EDIT") && file.contains("He is testing whether anyone will come")
                && file.contains("(MINE)") && file.contains("The morning after") && !file.contains("THEIR-EDIT"),
                file);
    }

    @Test
    void anAuthorDescribesALicensedInstrumentFixesAProblemAtItsLineChecksTheScoringAndPublishesWithTheLicence()
            throws Exception {
        String slug = "licensed-scale-" + suffix();
        java.util.List<String> raters = PlanCohorts.create(INSTRUMENT_COHORT, "Instrument plan cohort (test)",
                "rater", 1, ADMIN);
        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), ADMIN);
            driver.get(base.resolve("studio/index.xhtml").toString());
            driver.findElement(By.id("new-instrument:islug")).sendKeys(slug);
            driver.findElement(By.id("new-instrument:ititle")).sendKeys("Confidence in consultation (licensed)");
            driver.findElement(By.id("new-instrument:create-instrument")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inst:source")));
            assertTrue(driver.findElement(By.id("inst:problems")).getText().contains("No problems"));
            String skeleton = driver.findElement(By.id("inst:source")).getAttribute("value");
            assertTrue(skeleton.contains("title: \"Confidence in consultation (licensed)\""), skeleton);

            // A reverse key naming an item that does not exist: the problem is listed at its line, and there is no
            // scoring preview until it is fixed.
            int line = skeleton.lines().toList().indexOf("reverseKeyed: [item-4]") + 1;
            assertTrue(line > 0, skeleton);
            setSource(driver, skeleton.replace("reverseKeyed: [item-4]", "reverseKeyed: [item-9]"));
            driver.findElement(By.id("inst:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inst:problems"),
                    "Line " + line + ": reverse key names a missing item 'item-9'"));
            assertTrue(driver.findElement(By.id("preview-heading")).isDisplayed());
            assertTrue(driver.findElements(By.id("inst:items:0:first")).isEmpty());
            setSource(driver, skeleton);
            driver.findElement(By.id("inst:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inst:problems"), "No problems"));

            // Example ratings scored by the one engine: item-4 is reverse-keyed, so 2, 2, 2, 4 scores 2 and 4, 4, 4,
            // 2 scores 4; with the file's norms (SD 0.6, reliability 0.85) the RCI is 2 / (1.414 * 0.6 * 0.387).
            type(driver, "first", 2, 2, 2, 4);
            type(driver, "later", 4, 4, 4, 2);
            driver.findElement(By.id("inst:score")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.subscale-row")));
            WebElement total = driver.findElement(By.cssSelector("tr.subscale-row"));
            assertEquals("2.00", total.findElement(By.cssSelector(".first-score")).getText());
            assertEquals("4.00", total.findElement(By.cssSelector(".later-score")).getText());
            assertEquals("+2.00 · RCI 6.09 · a reliable change",
                    total.findElement(By.cssSelector(".change")).getText());
            Browser.assertAccessible(driver, "studio/instrument");
            driver.executeScript("document.getElementById('preview-heading').scrollIntoView();");
            Browser.screenshot(driver, "studio-instrument");
            // Two answers of four, where the file's rule needs three: not scored, and the preview says why.
            driver.findElement(By.id("inst:items:2:later")).clear();
            driver.findElement(By.id("inst:items:3:later")).clear();
            driver.findElement(By.id("inst:score")).click();
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.subscale-row .later-score"),
                            "Not scorable: 2 of 4 answered, 3 needed"));

            // Another tab saves in between: this page's save is refused with who saved, and the author keeps theirs.
            String first = driver.getWindowHandle();
            driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            driver.get(base.resolve("studio/instrument.xhtml?instrument=" + slug).toString());
            setSource(driver, skeleton.replace("Very much", "THEIR-EDIT"));
            WebElement save = driver.findElement(By.id("inst:save"));
            save.click();
            // Chromium may answer "node not in the document" while the page is being replaced: that is the change.
            wait.ignoring(org.openqa.selenium.WebDriverException.class).until(ExpectedConditions.stalenessOf(save));
            driver.close();
            driver.switchTo().window(first);
            setSource(driver, skeleton.replace("Not at all", "MY-EDIT"));
            driver.findElement(By.id("inst:save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inst:keep-mine")));
            assertTrue(driver.findElement(By.id("inst:conflict")).getText().contains("Sam Whitfield"));
            assertTrue(driver.findElement(By.id("inst:source")).getAttribute("value").contains("MY-EDIT"));
            driver.findElement(By.id("inst:keep-mine")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inst:problems"), "No problems"));

            // Publishing a licensed instrument waits for the school's licence to be confirmed.
            driver.findElement(By.id("inst:publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "confirm that your school holds the instrument's licence"));
            assertTrue(driver.findElement(By.id("history-heading")).findElement(By.xpath("..")).getText()
                    .contains("Not published yet"));
            driver.findElement(By.id("inst:licence")).click();
            driver.findElement(By.id("inst:publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Instrument " + slug + " published as version 1."));
            String trail = driver.findElement(By.cssSelector("ul.trail")).getText();
            assertTrue(trail.contains("Published v1 · Sam Whitfield · licence confirmed"), trail);
            assertTrue(driver.findElement(By.id("inst:source")).getAttribute("value").contains("MY-EDIT"));
            assertFalse(driver.findElement(By.id("inst:source")).getAttribute("value").contains("THEIR-EDIT"));
            driver.executeScript("document.getElementById('publish-heading').scrollIntoView();");
            Browser.screenshot(driver, "studio-instrument-published");
            driver.get(base.resolve("studio/index.xhtml").toString());
            assertTrue(driver.findElement(By.cssSelector("tr.own-instrument[data-slug='" + slug + "']")).getText()
                    .contains("Published (v1)"));

            // The author asks a cohort to rate it at the plan's first milestone, beside the curriculum's own.
            driver.get(base.resolve("staff/plan.xhtml?id=" + INSTRUMENT_COHORT).toString());
            if (!driver.findElements(By.id("plan:start")).isEmpty()) {
                driver.findElement(By.id("plan:start")).click();
            }
            WebElement start = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#plan-steps li[data-key='start']")));
            new org.openqa.selenium.support.ui.Select(start.findElement(By.cssSelector("select[id^='instrument-']")))
                    .selectByValue(slug);
            start.findElement(By.cssSelector("button[id$='addInstrument']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "The milestone now asks for that instrument too."));
            assertTrue(driver.findElement(By.cssSelector("#plan-steps li[data-key='start'] ul.added-instruments"))
                    .getText().contains("Confidence in consultation (licensed)"));
            Browser.assertAccessible(driver, "staff/plan with an added instrument");
            Browser.screenshot(driver, "plan-instrument");
        } finally {
            driver.quit();
        }

        // A student of that cohort finds it at the milestone, rates it (items without text are numbered) and sees
        // the result among their own.
        driver = Browser.start();
        try {
            CrossSite.signIn(driver, base.toString(), raters.get(0));
            driver.get(base.resolve("student/milestone.xhtml?c=year-3-attachment&milestone=start").toString());
            WebElement card = wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li.instrument-card[data-instrument='" + slug + "']")));
            assertTrue(card.getText().contains("Confidence in consultation (licensed)"), card.getText());
            card.findElement(By.cssSelector("a.rate-link")).click();
            java.util.List<WebElement> items = wait(driver).until(
                    ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("li.item")));
            assertEquals(4, items.size());
            assertTrue(items.get(0).getText().startsWith("Statement 1 (on your school's printed form)"),
                    items.get(0).getText());
            Browser.assertAccessible(driver, "rating a licensed instrument");
            for (WebElement item : items) {
                item.findElement(By.cssSelector("input[type=radio][value='4']")).click();
            }
            driver.findElement(By.cssSelector("button[id$='submit']")).click();
            // Submitted: back at the milestone, which says so beside the instrument.
            wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                    "li.instrument-card[data-instrument='" + slug + "']"), "Submitted"));
            driver.get(base.resolve("student/results.xhtml").toString());
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("Confidence in consultation"),
                    driver.findElement(By.tagName("main")).getText());
        } finally {
            driver.quit();
        }
        String rate = "student/rate.xhtml?c=year-3-attachment&milestone=start&i=" + slug + "&p=now";
        // A student of the same school outside that cohort's plan, and another school's student, find no such rating.
        assertEquals(404, as(STUDENT).get(rate).statusCode());
        assertEquals(404, new WebClient(base).signIn(eastbridgeStudent()).get(rate).statusCode());
        // Another school's administrator and tutor find nothing of it.
        assertEquals(404, as(ADMIN2).get("studio/instrument.xhtml?instrument=" + slug).statusCode());
        assertEquals(404, as(TUTOR2).get("studio/instrument.xhtml?instrument=" + slug).statusCode());
        assertFalse(as(ADMIN2).get("studio/index.xhtml").body().contains(slug));
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void setSource(ChromeDriver driver, String text) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("inst:source")), text);
    }

    private static void type(ChromeDriver driver, String column, int... answers) {
        for (int i = 0; i < answers.length; i++) {
            WebElement input = driver.findElement(By.id("inst:items:" + i + ":" + column));
            input.clear();
            input.sendKeys(String.valueOf(answers[i]));
        }
    }

    private String server(String slug) {
        HttpResponse<String> file = as(ADMIN).get("api/studio/modules/" + slug + "/file");
        assertEquals(200, file.statusCode());
        return file.body();
    }

    private static void unpublish(WebClient author, String slug) {
        String studio = author.get("studio/index.xhtml").body();
        Matcher row = Pattern.compile("<tr class=\"own-module\" data-slug=\"" + Pattern.quote(slug)
                + "\">(.*?)</tr>", Pattern.DOTALL).matcher(studio);
        assertTrue(row.find(), "a row for " + slug);
        Matcher link = Pattern.compile("id=\"(own:[^\"]*unpublish)\"").matcher(row.group(1));
        assertTrue(link.find(), "an unpublish link for " + slug + ": " + row.group(1));
        HttpResponse<String> done = author.postFaces("studio/index.xhtml", studio, "own",
                Map.of(link.group(1), link.group(1)));
        assertTrue(done.statusCode() == 200 || done.statusCode() == 302, done.statusCode() + done.body());
    }

    @Test
    void twoAuthorsSavingTheSameRevisionNeverOverwriteEachOtherAndPublishingAStaleRevisionIsRefused() {
        String slug = "two-authors-" + suffix();
        WebClient admin = as(ADMIN);
        String studio = admin.get("studio/index.xhtml").body();
        HttpResponse<String> created = admin.postFaces("studio/index.xhtml", studio, "new-module", Map.of(
                "new-module:slug", slug, "new-module:title", "Two authors", "new-module:create", ""));
        assertEquals(302, created.statusCode(), created.body());
        long start = revision(admin.get("studio/edit.xhtml?module=" + slug).body());
        WebClient other = as(ADMIN);
        assertEquals(start, revision(other.get("studio/edit.xhtml?module=" + slug).body()));

        HttpResponse<String> first = admin.putJson("api/studio/drafts/" + slug, "{\"source\":"
                + json(module(slug, "third-call")) + ",\"revision\":" + start + "}");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"problems\":[]"), first.body());
        HttpResponse<String> second = other.putJson("api/studio/drafts/" + slug, "{\"source\":\"mine\",\"revision\":"
                + start + "}");
        assertEquals(409, second.statusCode(), second.body());
        assertTrue(second.body().contains("\"reason\":\"conflict\"") && second.body().contains("Night calls from"),
                "the refusal carries the stored text: " + second.body());
        String page = admin.get("studio/edit.xhtml?module=" + slug).body();
        assertTrue(page.contains("Night calls from the flat"), "the first save stands");

        // A publish naming the revision the author saw before the other's save is refused, and publishes nothing.
        String stale = other.get("studio/edit.xhtml?module=" + slug).body();
        long current = revision(stale);
        assertEquals(200, admin.putJson("api/studio/drafts/" + slug, "{\"source\":" + json(module(slug,
                "morning")) + ",\"revision\":" + current + "}").statusCode());
        HttpResponse<String> refused = other.postFaces("studio/edit.xhtml?module=" + slug, stale, "actions", Map.of(
                "module", slug, "actions:revision", String.valueOf(current), "actions:publish", ""));
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("saved this draft"), refused.body());
        assertEquals(404, admin.get("api/studio/modules/" + slug + "/file").statusCode(), "nothing published");

        HttpResponse<String> malformed = admin.putJson("api/studio/drafts/" + slug, "{\"source\":\"slug: ["
                + "\",\"revision\":" + (current + 1) + "}");
        assertEquals(200, malformed.statusCode(), "a broken file still saves: " + malformed.body());
        assertTrue(malformed.body().contains("\"line\":1"), malformed.body());
    }

    @Test
    void aMalformedUploadListsEveryProblemByFileAndLineAndImportsNothing() throws Exception {
        String sfx = suffix();
        String good = module("good-" + sfx, "third-call");
        String bad = module("bad-" + sfx, "nowhere").replace("estimatedMinutes: 15",
                "estimatedMinutes: 15\ncolour: red");
        byte[] zip = zip(Map.of("modules/good-" + sfx + ".yaml", good, "modules/bad-" + sfx + ".yaml", bad));
        WebClient admin = as(ADMIN);
        String studio = admin.get("studio/index.xhtml").body();
        HttpResponse<String> answer = admin.postMultipartBytes("studio/index.xhtml", studio, "import", Map.of(
                "import:upload", ""), "import:files", "pack-" + sfx + ".zip", "application/zip", zip);
        assertEquals(200, answer.statusCode());
        String body = answer.body();
        int colour = bad.lines().toList().indexOf("colour: red") + 1;
        int nowhere = bad.lines().toList().indexOf("          next: nowhere") + 1;
        assertTrue(body.contains("pack-" + sfx + ".zip!modules/bad-" + sfx + ".yaml:" + colour), body);
        assertTrue(body.contains("colour"), body);
        assertTrue(body.contains("pack-" + sfx + ".zip!modules/bad-" + sfx + ".yaml:" + nowhere)
                || body.contains("bad-" + sfx + ".yaml:" + nowhere), "every problem, each at its line: " + body);
        assertTrue(body.contains("nothing was imported"), body);
        assertFalse(admin.get("studio/index.xhtml").body().contains("good-" + sfx), "nothing imported");
    }

    /**
     * The validator speaks the author's language: a Portuguese-speaking administrator reads an upload's problems, a
     * draft's problems from the editor's save and the editor's list in the browser in Portuguese, each still at its
     * file and line; the command line and an English author read English.
     */
    @Test
    void aPortugueseSpeakingAuthorReadsTheValidatorsProblemsInPortuguese() throws Exception {
        String sfx = suffix();
        String bad = module("ruim-" + sfx, "nowhere").replace("estimatedMinutes: 15",
                "estimatedMinutes: 15\ncolour: red");
        int colour = bad.lines().toList().indexOf("colour: red") + 1;
        int nowhere = bad.lines().toList().indexOf("          next: nowhere") + 1;
        WebClient admin = as(ADMIN).speaking("pt-BR,pt;q=0.9");
        String studio = admin.get("studio/index.xhtml").body();
        assertTrue(studio.contains("lang=\"pt-BR\""), "the studio is in Portuguese");
        HttpResponse<String> answer = admin.postMultipartBytes("studio/index.xhtml", studio, "import", Map.of(
                "import:upload", ""), "import:files", "pacote-" + sfx + ".zip", "application/zip",
                zip(Map.of("modules/ruim-" + sfx + ".yaml", bad)));
        assertEquals(200, answer.statusCode());
        String body = answer.body();
        assertTrue(body.contains("ruim-" + sfx + ".yaml:" + colour + "</code> chave desconhecida &#39;colour&#39;")
                || body.contains("ruim-" + sfx + ".yaml:" + colour + "</code> chave desconhecida 'colour'"), body);
        assertTrue(body.contains("n\u00e3o \u00e9 nenhuma etapa deste m\u00f3dulo")
                || body.contains("não é nenhuma etapa deste módulo"), body);
        assertFalse(body.contains("unknown key"), "no English problem on a Portuguese page");

        // The editor's save answers in the language the page asks for; without one, in English.
        String slug = "validador-" + sfx;
        HttpResponse<String> created = admin.postFaces("studio/index.xhtml", admin.get("studio/index.xhtml").body(),
                "new-module", Map.of("new-module:slug", slug, "new-module:title", "Validador",
                        "new-module:create", ""));
        assertEquals(302, created.statusCode(), created.body());
        long revision = revision(admin.get("studio/edit.xhtml?module=" + slug).body());
        String draft = "{\"source\":" + json(module(slug, "nowhere")) + ",\"revision\":" + revision + "}";
        HttpResponse<String> saved = admin.putJson("api/studio/drafts/" + slug, draft);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("next: 'nowhere' n\u00e3o \u00e9 nenhuma etapa")
                || saved.body().contains("next: 'nowhere' não é nenhuma etapa"), saved.body());
        WebClient english = as(ADMIN);
        long next = revision(english.get("studio/edit.xhtml?module=" + slug).body());
        HttpResponse<String> inEnglish = english.putJson("api/studio/drafts/" + slug,
                draft.replace("\"revision\":" + revision, "\"revision\":" + next));
        assertEquals(200, inEnglish.statusCode(), inEnglish.body());
        assertTrue(inEnglish.body().contains("next: 'nowhere' names no stage in this module"), inEnglish.body());

        // In the browser: the list the editor shows after typing, at its line, in Portuguese.
        ChromeDriver driver = Browser.start("pt-BR");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), ADMIN);
            driver.get(base.resolve("studio/edit.xhtml?module=" + slug).toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor.enhanced")));
            assertEquals("pt-BR", driver.findElement(By.tagName("html")).getAttribute("lang"));
            cm(driver, "cm.setValue(arguments[0]);", bad.replace("ruim-" + sfx, slug));
            WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "#problems .goto-line[data-line='" + colour + "']")));
            String item = problem.findElement(By.xpath("..")).getText();
            assertTrue(item.contains("chave desconhecida 'colour'"), item);
            Browser.assertAccessible(driver, "studio/edit (pt-BR)");
            driver.executeScript("document.getElementById('problems').scrollIntoView();");
            Browser.screenshot(driver, "studio-editor-problem-pt-BR");
        } finally {
            driver.quit();
        }
    }

    @Test
    void everyShippedModuleSurvivesImportPublishAndExportUnchanged() throws Exception {
        String sfx = suffix();
        Map<String, String> uploaded = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("content", "modules"))) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("[a-z0-9-]+\\.yaml")).sorted()
                    .toList()) {
                String slug = p.getFileName().toString().replace(".yaml", "") + "-" + sfx;
                String text = Files.readString(p, StandardCharsets.UTF_8).replaceFirst("(?m)^slug:.*$",
                        "slug: " + slug);
                uploaded.put(slug, text);
            }
        }
        assertTrue(uploaded.size() >= 12, "the shipped modules: " + uploaded.keySet());
        Map<String, String> entries = new LinkedHashMap<>();
        uploaded.forEach((slug, text) -> entries.put("content/modules/" + slug + ".yaml", text));
        WebClient east = as(ADMIN2);
        String studio = east.get("studio/index.xhtml").body();
        HttpResponse<String> imported = east.postMultipartBytes("studio/index.xhtml", studio, "import", Map.of(
                "import:upload", ""), "import:files", "shipped.zip", "application/zip", zip(entries));
        assertTrue(imported.body().contains(uploaded.size() + " module(s) imported"), imported.body());
        for (Map.Entry<String, String> m : uploaded.entrySet()) {
            String editor = east.get("studio/edit.xhtml?module=" + m.getKey()).body();
            HttpResponse<String> published = east.postFaces("studio/edit.xhtml?module=" + m.getKey(), editor,
                    "actions", Map.of("module", m.getKey(), "actions:revision", String.valueOf(revision(editor)),
                            "actions:publish", ""));
            assertEquals(302, published.statusCode(), m.getKey() + ": " + published.body());
            HttpResponse<String> file = east.get("api/studio/modules/" + m.getKey() + "/file");
            assertEquals(200, file.statusCode());
            assertEquals(m.getValue(), file.body(), "exported as imported: " + m.getKey());
        }
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A student of Eastbridge (which the demo gives no students), made once with the demo password. */
    static String eastbridgeStudent() throws Exception {
        String email = "east-student@demo.securebase.org";
        try (Connection db = PersonalTables.connect()) {
            try (PreparedStatement find = db.prepareStatement("select count(*) from account where email = ?")) {
                find.setString(1, email);
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return email;
                    }
                }
            }
            try (PreparedStatement insert = db.prepareStatement("insert into account (id, version, email, "
                    + "display_name, password_hash, role, school_id, enabled, created_at, modified_at, author) "
                    + "select 9900001, 0, ?, 'Eastbridge Student', a.password_hash, 'STUDENT', "
                    + "(select id from school where name like 'Eastbridge%'), true, a.created_at, a.modified_at, "
                    + "false from account a where a.email = ?")) {
                insert.setString(1, email);
                insert.setString(2, STUDENT);
                assertEquals(1, insert.executeUpdate());
            }
        }
        return email;
    }
}
