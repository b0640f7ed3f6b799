package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.infrastructure.content.ContentFolder;

/** A student's whole journey through the shipped module, in a real browser against the deployed application. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudentJourneyIT {

    private static final String MODULE = "the-racing-heart";

    @ArquillianResource
    private URL url;

    private ChromeDriver driver;
    private boolean loginChecked;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        driver.quit();
    }

    private void signIn(String email) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        if (!loginChecked) {
            Browser.assertAccessible(driver, "login");
            loginChecked = true;
        }
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(WebClient.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
    }

    private WebElement stage(int n) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stage-" + n)));
    }

    private String status(String prompt) {
        return driver.findElement(By.id("status-" + prompt)).getText();
    }

    private void waitForSaved(String prompt) {
        wait.until(d -> status(prompt).startsWith("Saved at"));
    }

    private WebElement answer(String prompt) {
        return driver.findElement(By.id("answer-" + prompt));
    }

    /** With the default session cookie (SameSite=Lax): another site can neither submit nor sign the browser in. */
    @Test
    void anotherSiteCanNeitherSubmitForAStudentNorSignTheBrowserIn() {
        try (TestPlatform site = new TestPlatform()) {
            CrossSite.anotherSiteCannotSubmitAReflection(driver, url.toString(), site, "student1@demo.securebase.org");
            driver.quit();
            driver = Browser.start();
            CrossSite.anotherSiteCannotSignTheBrowserIn(driver, url.toString(), site, "student4@demo.securebase.org");
        }
    }

    @Test
    void aStudentRatesThemselvesAtTheStartByKeyboardAlone() {
        driver.get(url + "");
        signIn("student3@demo.securebase.org");
        WebElement start = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.milestone-card[data-milestone='start']")));
        assertTrue(start.getText().contains("0 of 3 done"), start.getText());
        start.findElement(By.tagName("a")).sendKeys(Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.instrument-card[data-instrument='attachment-competence']")));
        Browser.assertAccessible(driver, "milestone");
        card.findElement(By.cssSelector("a.rate-link")).sendKeys(Keys.ENTER);

        List<WebElement> items = wait
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("li.item")));
        int count = items.size();
        assertTrue(count >= 15, "one row per item");
        Browser.assertAccessible(driver, "rating page");
        // Three answers (5 on the scale), then save and come back later.
        items.get(0).findElement(By.cssSelector("input[type=radio]")).sendKeys(Keys.SPACE);
        chooseWithArrows(4);
        for (int i = 1; i < 3; i++) {
            new Actions(driver).sendKeys(Keys.TAB, Keys.SPACE).perform();
            chooseWithArrows(4);
        }
        navigate(() -> driver.findElement(By.cssSelector("button[id$='save']")).sendKeys(Keys.ENTER));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Your answers are saved"));
        assertEquals(List.of("5", "5", "5"), checkedValues(), "the partial answers are kept");
        Browser.screenshot(driver, "09-rating-saved");

        // The rest by keyboard (3 on the scale): Tab to each group, Space and arrows to choose, then Tab to Submit.
        driver.findElements(By.cssSelector("li.item")).get(3).findElement(By.cssSelector("input[type=radio]"))
                .sendKeys(Keys.SPACE);
        chooseWithArrows(2);
        for (int i = 4; i < count; i++) {
            new Actions(driver).sendKeys(Keys.TAB, Keys.SPACE).perform();
            chooseWithArrows(2);
        }
        navigate(() -> new Actions(driver).sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform());
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "your rating is submitted"));
        assertEquals("Submitted", driver.findElement(By.cssSelector(
                "li.instrument-card[data-instrument='attachment-competence'] .status")).getText());

        navigate(() -> driver.findElement(By.cssSelector(
                "li.instrument-card[data-instrument='attachment-competence'] a.rate-link")).sendKeys(Keys.ENTER));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "You submitted this rating"));
        List<String> values = checkedValues();
        assertEquals(count, values.size(), "every answer stored");
        assertEquals(List.of("5", "5", "5"), values.subList(0, 3));
        assertTrue(values.subList(3, count).stream().allMatch("3"::equals), values::toString);
        assertTrue(driver.findElements(By.cssSelector("input[type=radio]")).stream().noneMatch(WebElement::isEnabled),
                "a submitted rating cannot be changed");
        assertTrue(driver.findElements(By.cssSelector("button[id$='submit']")).isEmpty());

        driver.get(url + "student/index.xhtml");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.milestone-card[data-milestone='start']"))).getText().contains("1 of 3 done"));

        // Own results: recognising = (5 + 5 + 5 + 3 + 3 + 3) / 6 = 4.00; responding, endings and handovers, and
        // own reactions = 3.00.
        navigate(() -> driver.findElement(By.cssSelector("a[id$='results-link']")).sendKeys(Keys.ENTER));
        WebElement results = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section.results[data-instrument='attachment-competence']")));
        List<String> rows = results.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertEquals(4, rows.size(), rows::toString);
        assertTrue(rows.get(0).matches(".*\\b4\\.00\\b.*—"), rows.get(0));
        assertTrue(rows.get(1).matches(".*\\b3\\.00\\b.*—"), rows.get(1));
        assertTrue(rows.get(2).matches(".*\\b3\\.00\\b.*—"), rows.get(2));
        assertTrue(rows.get(3).matches(".*\\b3\\.00\\b.*—"), rows.get(3));
        assertEquals(1, results.findElements(By.cssSelector("svg.chart[role='img']")).size());
        Browser.screenshot(driver, "10-results");
        Browser.assertAccessible(driver, "results");

        String csv = (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);",
                url + "api/me/self-ratings.csv");
        List<String> lines = csv.lines().toList();
        assertEquals("curriculum,milestone,perspective,instrument,instrument_version,submitted_at,kind,id,value",
                lines.get(0));
        assertEquals(count, lines.stream().filter(l -> l.contains(",answer,")).count(), "one row per answer");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("year-3-attachment,start,now,attachment-competence,1,")
                && l.endsWith(",score,recognising,4.000")), csv);
    }

    /** Runs an action that loads a new page and waits until the old page is gone, so no check reads it. */
    private void navigate(Runnable action) {
        // The page may itself still be loading (after a sign-in): wait for it to have a document.
        WebElement old = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("html")));
        action.run();
        // Chromedriver reports a node of an unloaded page as stale or, mid-navigation, as "not in the
        // document": either means the old page is gone.
        wait.until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private void chooseWithArrows(int steps) {
        for (int i = 0; i < steps; i++) {
            new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        }
    }

    private List<String> checkedValues() {
        return driver.findElements(By.cssSelector("input[type=radio]:checked")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    @Test
    void twoTabsNeverOverwriteEachOtherSilently() {
        String page = url + "student/module.xhtml?module=it-drafts";
        driver.get(page);
        signIn("student3@demo.securebase.org");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        String second = driver.getWindowHandle();

        driver.switchTo().window(first);
        answer("seeking").sendKeys("Written in the first tab.");
        waitForSaved("seeking");

        driver.switchTo().window(second);
        answer("seeking").sendKeys("Written in the second tab.");
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-prompt-block='seeking'] .conflict")));
        assertTrue(conflict.getText().contains("changed in another tab or window"), conflict.getText());
        assertEquals("Written in the first tab.", conflict.findElement(By.cssSelector(".conflict-other")).getText(),
                "the student sees the other version before choosing");
        Browser.screenshot(driver, "08-two-tabs-conflict");
        Browser.assertAccessible(driver, "conflict choice");
        conflict.findElement(By.cssSelector(".conflict-keep-mine")).click();
        waitForSaved("seeking");

        driver.switchTo().window(first);
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertEquals("Written in the second tab.", answer("seeking").getAttribute("value"),
                "the text the student chose to keep is the saved one");
    }

    @Test
    void everyShippedModuleOpensInCurriculumOrderAndIsAccessible() {
        var content = ContentFolder.scan(List.of(Path.of("content")));
        List<String> order = content.curricula().get(0).moduleSlugs();
        driver.get(url + "");
        signIn("student2@demo.securebase.org");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.module-card")));
        List<String> shown = driver.findElements(By.cssSelector("li.module-card")).stream()
                .map(e -> e.getAttribute("data-slug")).filter(order::contains).toList();
        assertEquals(order, shown, "the student's list follows the curriculum");
        for (var module : content.modules()) {
            driver.get(url + "student/module.xhtml?module=" + module.definition().slug());
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertEquals(module.definition().title(), title.getText());
            assertEquals(module.definition().stages().get(0).title(),
                    stage(1).findElement(By.tagName("h2")).getText());
            Browser.assertAccessible(driver, module.definition().slug());
        }
    }

    @Test
    void aStudentReadsTheCaseWritesWithAutosaveAndSubmitsOnce() {
        driver.get(url + "");
        signIn("student1@demo.securebase.org");

        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.module-card[data-slug='" + MODULE + "']")));
        assertEquals("Not started", card.findElement(By.cssSelector(".status")).getText());
        assertTrue(card.findElements(By.cssSelector(".patterns")).isEmpty(),
                "the pattern is not named before the student has submitted: " + card.getText());
        Browser.screenshot(driver, "01-curriculum");
        Browser.assertAccessible(driver, "curriculum");
        card.findElement(By.cssSelector("h2 a")).click();

        // Stage by stage: the case cannot move on until the trainee commits to a reading.
        int stages = 4;
        for (int n = 1; n <= stages; n++) {
            WebElement stage = stage(n);
            assertEquals(n, driver.findElements(By.cssSelector("li.stage")).size(), "only stages read so far");
            if (n == 1) {
                Browser.screenshot(driver, "02-stage-1");
                Browser.assertAccessible(driver, "case stage 1");
                stage.findElement(By.cssSelector("button[id$='nextStage']")).click();
                assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages")))
                        .getText().contains("Answer the question on this stage"));
                stage = stage(1);
            }
            stage.findElements(By.cssSelector(".ui-selectoneradio label")).get(n % 2).click();
            stage.findElement(By.cssSelector("button[id$='check']")).click();
            WebElement feedback = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#stage-" + n + " .feedback")));
            assertTrue(feedback.getText().startsWith("You chose"), feedback.getText());
            if (n == 2) {
                Browser.screenshot(driver, "03-feedback");
                Browser.assertAccessible(driver, "case with feedback");
            }
            if (n < stages) {
                stage(n).findElement(By.cssSelector("button[id$='nextStage']")).click();
            }
        }

        // The reflection: autosaved, restored after a reload.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        List<String> prompts = driver.findElements(By.cssSelector("textarea[data-prompt]")).stream()
                .map(t -> t.getAttribute("data-prompt")).toList();
        assertEquals(3, prompts.size());
        String first = "She seems to want someone who will stay: a doctor who keeps her in mind between visits. "
                + "Her symptoms are also real and deserve a careful look every time, not a reflex reassurance.";
        answer(prompts.get(0)).sendKeys(first);
        waitForSaved(prompts.get(0));
        Browser.screenshot(driver, "04-autosaved");
        Browser.assertAccessible(driver, "reflection editor");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertEquals(first, answer(prompts.get(0)).getAttribute("value"), "a reload restores the draft");

        // The session expires while the student types: nothing is lost, and it saves after signing in again.
        driver.manage().deleteCookieNamed("JSESSIONID");
        String second = "I notice I want to end the consultation quickly and order a test to close the door. "
                + "That wish is information about the relationship, not a plan I have to follow.";
        answer(prompts.get(1)).sendKeys(second);
        wait.until(d -> status(prompts.get(1)).contains("session has ended"));
        Browser.screenshot(driver, "05-session-expired");
        driver.findElement(By.cssSelector("#submit-status a")).click();
        signIn("student1@demo.securebase.org");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertEquals(second, answer(prompts.get(1)).getAttribute("value"), "the text typed while signed out is back");
        waitForSaved(prompts.get(1));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertEquals(second, answer(prompts.get(1)).getAttribute("value"), "and the server has it now");

        // Leaving the page straight after typing still saves (the save is sent as the page goes).
        String third = "I would say: I have booked you with me in two weeks, and here is what to do if the "
                + "breathlessness or the near-faint comes back before then, including when to call 999.";
        answer(prompts.get(2)).sendKeys(third);
        driver.findElement(By.cssSelector(".breadcrumb a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.module-card")));
        driver.executeScript("localStorage.clear()");
        driver.get(url + "student/module.xhtml?module=" + MODULE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertEquals(third, answer(prompts.get(2)).getAttribute("value"), "saved by the server as the page closed");

        // Make every answer long enough, then a double click makes exactly one submission.
        for (String prompt : prompts) {
            WebElement area = answer(prompt);
            int min = Integer.parseInt(area.getAttribute("data-min-length"));
            while (area.getAttribute("value").strip().length() < min) {
                area.sendKeys(" I would also ask what she makes of it herself, and listen before explaining.");
            }
        }
        for (String prompt : prompts) {
            waitForSaved(prompt);
        }
        new Actions(driver).doubleClick(driver.findElement(By.id("submit-reflection"))).perform();
        WebElement commentary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commentary")));
        assertTrue(commentary.getText().contains("References"));
        assertTrue(driver.findElement(By.id("submitted")).getText().contains("Version 1, submitted"));
        Browser.screenshot(driver, "06-commentary");
        Browser.assertAccessible(driver, "submitted reflection and commentary");

        driver.findElement(By.id("history-link")).click();
        wait.until(ExpectedConditions.titleContains("version by version"));
        assertEquals(1, driver.findElements(By.cssSelector("section.reflection-version")).size(),
                "the double click made one version");

        driver.get(url + "student/index.xhtml");
        assertEquals("Submitted", wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.module-card[data-slug='" + MODULE + "'] .status"))).getText());
        assertEquals("Hyper-activating (preoccupied)", driver.findElement(
                By.cssSelector("li.module-card[data-slug='" + MODULE + "'] .patterns")).getText(),
                "once submitted, the list names the pattern");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url + "student/module.xhtml?module=" + MODULE);
        Browser.screenshot(driver, "07-phone");
    }

    /**
     * Issue 17's anonymisation: a reflection with a name, a date of birth and an NHS number shows three flags at
     * their words; the student accepts the replacements (by keyboard after the first), keeps a flag they judge
     * harmless, submits, and the version the server stored holds the replacements and not the identifiers.
     */
    @Test
    void identifiersAreFlaggedAndReplacedBeforeSubmitting() {
        driver.get(url + "student/module.xhtml?module=it-submit");
        signIn("student1@demo.securebase.org");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reflection")));
        assertTrue(driver.findElement(By.cssSelector(".identifier-guidance")).getText()
                .contains("Why leave out identifying details?"), "the guidance is beside the editor");
        answer("seeking").sendKeys("I saw Margaret Thompson, date of birth 14/03/1931, NHS number 943 476 5919, "
                + "who wanted someone to stay with her.");
        WebElement box = driver.findElement(By.id("identifiers-answer-seeking"));
        wait.until(d -> box.findElements(By.cssSelector(".identifier-flag")).size() == 3);
        assertEquals(List.of("Margaret Thompson", "14/03/1931", "943 476 5919"),
                box.findElements(By.cssSelector(".identifier-words")).stream().map(WebElement::getText).toList());
        assertEquals(List.of("Possible name:", "Date of birth:", "NHS number:"),
                box.findElements(By.cssSelector(".identifier-kind")).stream().map(WebElement::getText).toList());
        WebElement summary = box.findElement(By.cssSelector(".identifier-summary"));
        assertEquals("polite", summary.getAttribute("aria-live"));
        assertTrue(summary.getText().startsWith("3 possible identifier"), summary.getText());
        assertEquals("Replace “Margaret Thompson” with [patient]",
                box.findElement(By.cssSelector(".identifier-accept")).getAttribute("aria-label"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        Browser.screenshot(driver, "09-identifier-flags");
        Browser.assertAccessible(driver, "identifier flags");

        box.findElement(By.cssSelector(".identifier-accept")).click();
        for (int left = 2; left > 0; left--) {
            WebElement focused = driver.switchTo().activeElement();
            assertEquals("identifier-accept", focused.getAttribute("class"), "focus moves to the next decision");
            focused.sendKeys(Keys.ENTER);
            int expected = left - 1;
            wait.until(d -> box.findElements(By.cssSelector(".identifier-flag")).size() == expected);
        }
        assertTrue(summary.getText().contains("No likely identifiers found."), summary.getText());
        assertEquals("I saw [patient], date of birth [date of birth], NHS number [NHS number], who wanted someone "
                + "to stay with her.", answer("seeking").getAttribute("value"));

        answer("next-words")
                .sendKeys("As Dr Khan, my supervisor, suggested, I would stay with her fear before explaining.");
        WebElement second = driver.findElement(By.id("identifiers-answer-next-words"));
        wait.until(d -> second.findElements(By.cssSelector(".identifier-flag")).size() == 1);
        second.findElement(By.cssSelector(".identifier-keep")).click();
        wait.until(d -> second.findElements(By.cssSelector(".identifier-flag")).isEmpty());
        assertTrue(second.findElement(By.cssSelector(".identifier-summary")).getText().contains("Kept “Dr Khan”"));
        waitForSaved("seeking");
        waitForSaved("next-words");
        driver.findElement(By.id("submit-reflection")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submitted")));
        String history = driver.findElement(By.id("history-link")).getAttribute("href");
        String id = history.replaceAll(".*[?&]id=(\\d+).*", "$1");
        driver.get(url + "api/reflections/" + id);
        String stored = driver.findElement(By.tagName("body")).getText();
        assertTrue(stored.contains("I saw [patient], date of birth [date of birth], NHS number [NHS number]"), stored);
        assertTrue(stored.contains("As Dr Khan, my supervisor"), "a kept flag keeps its words");
        for (String identifier : List.of("Margaret", "Thompson", "14/03/1931", "943 476 5919")) {
            assertTrue(!stored.contains(identifier), identifier + " must not be stored");
        }

        // The portfolio page and the public verify page are accessible too (their content is PortfolioIT's).
        driver.get(url + "student/portfolio.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("make:download")));
        Browser.screenshot(driver, "10-portfolio");
        Browser.assertAccessible(driver, "portfolio");
        driver.get(url + "verify.xhtml?code=ABCD-EFGH-JKMN");
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result"))).getText()
                .contains("No document was issued under this code"));
        Browser.assertAccessible(driver, "verify");
    }

    private void signOut() {
        navigate(() -> driver.findElement(By.id("session:logout")).click());
    }

    /**
     * The full review cycle in the browser: a student submits; the tutor selects words in the answer, comments on
     * them and returns the reflection; the student reads the comment where it belongs, revises and resubmits; the
     * tutor sees the difference and accepts at a rubric level.
     */
    @Test
    void submitReturnWithAnInlineCommentReviseAndAccept() {
        driver.get(url + "");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        navigate(() -> signIn("student2@demo.securebase.org"));
        driver.get(url + "student/module.xhtml?module=it-review");
        answer("seeking")
                .sendKeys("When she asked a third time I felt impatient, and I think she wanted me to stay with her.");
        answer("next-words").sendKeys("I would ask what frightens her most about the result, then wait.");
        waitForSaved("seeking");
        waitForSaved("next-words");
        driver.findElement(By.id("submit-reflection")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commentary")));
        signOut();

        signIn("tutor@demo.securebase.org");
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[contains(@class,'queue-row')][contains(.,'Tomasz Nowak')]//a[contains(@class,'review-link')]")));
        navigate(link::click);
        WebElement seeking = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".answer-text.selectable[data-prompt='seeking']")));
        Browser.assertAccessible(driver, "review screen");
        // Select "stay with her" with the mouse's equivalent: a range over the words, then the mouse-up.
        driver.executeScript("var el = arguments[0], text = el.firstChild, at = text.data.indexOf('stay with her');"
                + "var r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + 13);"
                + "var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
                + "document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));", seeking);
        assertEquals("stay with her", driver.findElement(By.id("comment:quote")).getAttribute("value"));
        driver.findElement(By.id("comment:text")).sendKeys("Stay how: in the room, or in her mind?");
        navigate(() -> driver.findElement(By.id("comment:add")).click());
        WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".answer-text[data-prompt='seeking'] mark")));
        assertEquals("stay with her", mark.getText());
        driver.findElement(By.id("decision:overall")).sendKeys("A good start. Say more about the impatience.");
        Browser.screenshot(driver, "11-review");
        navigate(() -> driver.findElement(By.id("decision:return")).click());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "Returned for revision: Tomasz Nowak"));
        signOut();

        signIn("student2@demo.securebase.org");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Feedback on IT review"));
        driver.get(url + "student/module.xhtml?module=it-review");
        WebElement feedback = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.feedback")));
        assertEquals("stay with her", feedback.findElement(By.cssSelector("mark")).getText());
        assertTrue(feedback.getText().contains("Stay how: in the room, or in her mind?"));
        assertTrue(feedback.getText().contains("Say more about the impatience."));
        Browser.assertAccessible(driver, "returned reflection with feedback");
        Browser.screenshot(driver, "12-feedback");
        answer("seeking").sendKeys(Keys.END, " The impatience was mine: I wanted the uncertainty to end.");
        waitForSaved("seeking");
        driver.findElement(By.id("submit-reflection")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("submitted"), "Version 2"));
        signOut();

        navigate(() -> signIn("tutor@demo.securebase.org"));
        navigate(() -> wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[contains(@class,'queue-row')][contains(.,'Tomasz Nowak')]//a"))).click());
        WebElement inserted = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diff-text ins")));
        assertTrue(inserted.getAttribute("textContent").contains("The impatience was mine"));
        driver.findElement(By.cssSelector("input[name='decision:level'][value='reflection']")).sendKeys(Keys.SPACE);
        navigate(() -> driver.findElement(By.id("decision:accept")).click());
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Accepted: Tomasz Nowak"));
        signOut();

        navigate(() -> signIn("student2@demo.securebase.org"));
        driver.get(url + "student/module.xhtml?module=it-review");
        WebElement accepted = wait
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.feedback")));
        assertTrue(accepted.getText().contains("Accepted"));
        assertTrue(accepted.getText().contains("Reflection"));
        assertTrue(driver.findElements(By.id("submit-reflection")).isEmpty(), "an accepted reflection is closed");
    }

    /** The staff pages meet WCAG 2.1 A/AA as axe-core checks them: administration, cohort views, queue, audit. */
    @Test
    void staffPagesAreAccessible() {
        driver.get(url + "");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        navigate(() -> signIn("admin@demo.securebase.org"));
        for (String page : List.of("admin/index.xhtml", "admin/audit.xhtml", "admin/lti.xhtml")) {
            driver.get(url + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
            Browser.assertAccessible(driver, page);
        }
        driver.get(url + "admin/index.xhtml");
        navigate(() -> driver.findElement(By.cssSelector("a.manage-link")).click());
        Browser.assertAccessible(driver, "admin cohort");
        Browser.screenshot(driver, "13-admin-cohort");
        driver.get(url + "admin/index.xhtml");
        navigate(() -> driver.findElement(By.cssSelector("a.cohort-link")).click());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.histogram")));
        Browser.assertAccessible(driver, "cohort self-ratings");
        Browser.screenshot(driver, "14-cohort");
        navigate(() -> driver.findElement(By.id("choices-link")).click());
        new Select(driver.findElement(By.id("module"))).selectByValue(
                ContentFolder.scan(List.of(Path.of("content"))).curricula().get(0).moduleSlugs().get(0));
        navigate(() -> driver.findElement(By.id("show")).click());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.choices-table")));
        Browser.assertAccessible(driver, "how the cohort chose");
        Browser.screenshot(driver, "18-cohort-choices");
        signOut();
        navigate(() -> signIn("tutor@demo.securebase.org"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-filter")));
        Browser.assertAccessible(driver, "tutor home and queue");
    }

    private WebElement choose(int stage, int option) {
        WebElement at = stage(stage);
        at.findElements(By.cssSelector(".ui-selectoneradio label")).get(option).click();
        navigate(() -> stage(stage).findElement(By.cssSelector("button[id$='check']")).click());
        return wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#stage-" + stage + " .feedback")));
    }

    private void nextStage(int from) {
        navigate(() -> stage(from).findElement(By.cssSelector("button[id$='nextStage']")).click());
    }

    /**
     * A case that answers the trainee's stance: each response has its consequence and leads the patient somewhere
     * else; a choice stands; after submitting, a replay walks the roads not taken without changing the path; the
     * tutor sees the path; the private mirror shows the tendency.
     */
    @Test
    void theCaseBranchesOnTheResponseAndReplaysTheRoadsNotTaken() {
        driver.get(url + "student/module.xhtml?module=it-branching");
        navigate(() -> signIn("student2@demo.securebase.org"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stage-1")));

        WebElement outcome = choose(1, 0);
        assertTrue(outcome.findElement(By.cssSelector(".consequence")).isDisplayed(), "what happened next");
        assertTrue(outcome.getText().startsWith("You chose"), outcome.getText());
        assertTrue(stage(1).findElements(By.cssSelector("input[type=radio]")).isEmpty(), "a choice stands");
        Browser.screenshot(driver, "15-consequence");
        Browser.assertAccessible(driver, "case with a consequence");
        nextStage(1);
        assertEquals("Second contact: the phone calls", stage(2).findElement(By.tagName("h2")).getText(),
                "a quick reassurance: she escalates");
        choose(2, 1);
        nextStage(2);
        assertEquals("Third consultation: a request", stage(3).findElement(By.tagName("h2")).getText(),
                "the branches rejoin");
        choose(3, 1);
        nextStage(3);
        assertEquals("Two months later", stage(4).findElement(By.tagName("h2")).getText());
        assertTrue(driver.findElements(By.cssSelector("button[id$='nextStage']")).isEmpty(), "an ending");

        answer("seeking").sendKeys("She wanted someone to stay with her worry, not to end it for her.");
        answer("next-time").sendKeys("I would offer a planned review and say clearly how to reach us in between.");
        waitForSaved("seeking");
        waitForSaved("next-time");
        navigate(() -> driver.findElement(By.id("submit-reflection")).click());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("commentary")));

        navigate(() -> driver.findElement(By.id("replay-link")).click());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".replay-notice")));
        WebElement first = stage(1);
        assertTrue(first.findElements(By.cssSelector(".replay-options li")).get(0).getText()
                .contains("your choice the first time"));
        navigate(() -> stage(1).findElements(By.cssSelector(".replay-options a")).get(1).click());
        assertEquals("Second contact: the review you booked", stage(2).findElement(By.tagName("h2")).getText(),
                "the road not taken: she settles");
        assertTrue(stage(1).getText().contains("The first time, you chose"), stage(1).getText());
        Browser.screenshot(driver, "16-replay");
        Browser.assertAccessible(driver, "replay");

        driver.get(url + "student/module.xhtml?module=it-branching");
        assertEquals("Second contact: the phone calls", stage(2).findElement(By.tagName("h2")).getText(),
                "the replay changed nothing of the path taken");

        driver.get(url + "student/mirror.xhtml");
        WebElement tendency = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section.tendency[data-pattern='hyperactivating'] .tendency-most")));
        assertTrue(tendency.getText().contains("take over for them"), tendency.getText());
        Browser.screenshot(driver, "17-mirror");
        Browser.assertAccessible(driver, "private mirror");
        signOut();

        navigate(() -> signIn("tutor@demo.securebase.org"));
        driver.get(url + "tutor/index.xhtml?module=it-branching");
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[contains(@class,'queue-row')][contains(.,'Tomasz Nowak')]//a[contains(@class,'review-link')]")));
        navigate(link::click);
        WebElement path = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-path")));
        assertEquals(4, path.findElements(By.cssSelector(".path-steps li")).size(), path.getText());
        assertTrue(path.getText().contains("Refer Milo to the children's clinic") && path.getText().contains("Rescue"),
                path.getText());
    }

    /**
     * A Portuguese-speaking student: the browser asks for pt-BR, so the pages are in Portuguese and a translated
     * case is shown in its translation; axe finds nothing serious; the switch in the header goes back to English.
     */
    @Test
    void aPortugueseSpeakingStudentReadsThePagesAndATranslatedCaseInPortuguese() {
        driver.quit();
        driver = Browser.start("pt-BR");
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        ResourceBundle pt = ResourceBundle.getBundle("org.securebase.web.messages", Locale.forLanguageTag("pt-BR"));
        var content = ContentFolder.scan(List.of(Path.of("content")));
        ModuleDefinition original = content.modules().stream().map(m -> m.definition())
                .filter(m -> m.slug().equals(MODULE)).findFirst().orElseThrow();
        ModuleDefinition translated = content.translations().stream()
                .filter(t -> t.slug().equals(MODULE) && t.language().equals("pt-BR"))
                .map(t -> (ModuleDefinition) t.definition()).findFirst().orElseThrow();

        driver.get(url + "");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")));
        assertEquals("pt-BR", driver.findElement(By.tagName("html")).getAttribute("lang"));
        Browser.assertAccessible(driver, "login in Portuguese");
        navigate(() -> signIn("student4@demo.securebase.org"));
        WebElement heading = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        assertEquals(pt.getString("curriculum.title"), heading.getText());
        WebElement card = driver.findElement(By.cssSelector("li.module-card[data-slug='" + MODULE + "']"));
        assertTrue(card.getText().contains(translated.title()), card.getText());
        Browser.assertAccessible(driver, "curriculum in Portuguese");

        navigate(() -> card.findElement(By.cssSelector("h2 a")).click());
        assertEquals(translated.title(), wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.tagName("h1"))).getText());
        assertEquals(translated.stages().get(0).title(), stage(1).findElement(By.tagName("h2")).getText());
        assertTrue(stage(1).getText().contains(translated.stages().get(0).question().options().get(0).text()));
        Browser.screenshot(driver, "19-case-in-portuguese");
        Browser.assertAccessible(driver, "case in Portuguese");

        var curriculum = content.translations().stream().filter(t -> t.kind().equals("curricula"))
                .map(t -> (CurriculumDefinition) t.definition()).findFirst().orElseThrow();
        driver.get(url + "student/milestone.xhtml?c=" + curriculum.slug() + "&milestone=start");
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main"))).getText()
                .contains(curriculum.milestones().get(0).title()), "the milestone in Portuguese");
        Browser.assertAccessible(driver, "milestone in Portuguese");
        driver.get(url + "student/results.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
        Browser.assertAccessible(driver, "results in Portuguese");
        driver.get(url + "student/module.xhtml?module=" + MODULE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language:switch")));

        navigate(() -> driver.findElement(By.id("language:switch")).click());
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(original.title(), wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.tagName("h1"))).getText(), "the same case, as written");
    }
}
