package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cohort's plan with dates, in a real browser and over real HTTP: the school's administrator starts it from the
 * curriculum, dates its steps, reorders them by button and by drag and drop; a step due before it opens is refused
 * and nothing is saved; students see what is due, overdue and not yet open, and cannot open it early; a reminder
 * arrives once, in the app and by mail; the cohort's tutor reads the progress, paged; removing a step keeps the
 * students' work; another school's people find nothing. One student's extension: their view, standing, the
 * progress counts and the queue's mark follow it, and a reminder sent before it is followed by one more.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CohortPlanIT {

    static final long COHORT = 9900100;

    /** The cohort of the extension test, with its two steps' ids. */
    static final long EXTENDED = 9900300;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @ArquillianResource
    private URL url;

    private URI base;

    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
    }

    private static List<String> order(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#plan-steps li.plan-step")).stream()
                .map(li -> li.getAttribute("data-key")).toList();
    }

    private static WebElement step(ChromeDriver driver, String key) {
        return driver.findElement(By.cssSelector("#plan-steps li.plan-step[data-key='" + key + "']"));
    }

    private static void setDate(ChromeDriver driver, WebElement input, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private static String card(String page, String attribute, String key) {
        Matcher m = Pattern.compile("<li class=\"(?:module|milestone)-card\" " + attribute + "=\"" + Pattern.quote(key)
                + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a card for " + key + " in " + page);
        return m.group(1);
    }

    @Test
    void anAdministratorDatesACohortsPlanAndItsStudentsSeeWhatIsDueAndCannotOpenWhatIsNotYetOpen()
            throws Exception {
        List<String> students = PlanCohorts.create(COHORT, "Plan cohort (test)", "plan", 2, StudioIT.TUTOR2);
        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        String racing = "the-racing-heart";
        String nobody = "the-patient-nobody-owns";
        String retires = "when-the-family-doctor-retires";
        try {
            CrossSite.signIn(driver, base.toString(), StudioIT.ADMIN);
            driver.get(base.resolve("staff/plan.xhtml?id=" + COHORT).toString());
            Browser.assertAccessible(driver, "staff/plan (no plan)");
            driver.findElement(By.id("plan:start")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
            List<String> started = order(driver);
            assertEquals(List.of("start", racing, nobody, retires), started.subList(0, 4), started.toString());
            assertEquals("end", started.get(started.size() - 1));
            ZoneId zone = ZoneId.of(driver.findElement(By.id("plan-steps")).getAttribute("data-zone"));

            // Dates, typed in the administrator's zone: one step overdue, one not yet open, one due tomorrow.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            String yesterday = LOCAL.format(now.minus(1, ChronoUnit.DAYS).atZone(zone));
            String inThreeDays = LOCAL.format(now.plus(3, ChronoUnit.DAYS).atZone(zone));
            String inTenDays = LOCAL.format(now.plus(10, ChronoUnit.DAYS).atZone(zone));
            String tomorrow = LOCAL.format(now.plus(1, ChronoUnit.DAYS).atZone(zone));
            setDate(driver, step(driver, racing).findElement(By.cssSelector("input[id^='due-']")), yesterday);
            setDate(driver, step(driver, nobody).findElement(By.cssSelector("input[id^='release-']")), inThreeDays);
            setDate(driver, step(driver, nobody).findElement(By.cssSelector("input[id^='due-']")), inTenDays);
            setDate(driver, step(driver, retires).findElement(By.cssSelector("input[id^='due-']")), tomorrow);
            driver.findElement(By.id("plan:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The dates are saved"));
            assertEquals(inThreeDays, step(driver, nobody).findElement(By.cssSelector("input[id^='release-']"))
                    .getAttribute("value"));
            assertEquals(tomorrow, step(driver, retires).findElement(By.cssSelector("input[id^='due-']"))
                    .getAttribute("value"));

            // A due date before its release is refused, and nothing typed with it is saved.
            setDate(driver, step(driver, retires).findElement(By.cssSelector("input[id^='due-']")), inTenDays);
            setDate(driver, step(driver, nobody).findElement(By.cssSelector("input[id^='due-']")), yesterday);
            driver.findElement(By.id("plan:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "due before it opens"));
            driver.get(base.resolve("staff/plan.xhtml?id=" + COHORT).toString());
            assertEquals(tomorrow, step(driver, retires).findElement(By.cssSelector("input[id^='due-']"))
                    .getAttribute("value"), "the refused save changed nothing");
            assertEquals(inTenDays, step(driver, nobody).findElement(By.cssSelector("input[id^='due-']"))
                    .getAttribute("value"));

            // By keyboard: the last step one place up.
            step(driver, "end").findElement(By.cssSelector("button[id$=':up']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The step is moved"));
            List<String> moved = order(driver);
            assertEquals("end", moved.get(moved.size() - 2), moved.toString());
            // By dragging: the first milestone dropped on the third step's place.
            driver.executeScript("var from = arguments[0], to = arguments[1], dt = new DataTransfer();"
                    + "from.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));"
                    + "to.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                    + "to.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));",
                    step(driver, "start"), step(driver, nobody));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The step is moved"));
            assertEquals(List.of(racing, nobody, "start", retires), order(driver).subList(0, 4));
            assertEquals(tomorrow, step(driver, retires).findElement(By.cssSelector("input[id^='due-']"))
                    .getAttribute("value"), "a move keeps the dates");
            // A module added at the end, due yesterday.
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("plan:module"))).selectByValue(
                    "it-review");
            driver.findElement(By.id("plan:addModule")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added at the end"));
            List<String> added = order(driver);
            assertEquals("it-review", added.get(added.size() - 1), added.toString());
            setDate(driver, step(driver, "it-review").findElement(By.cssSelector("input[id^='due-']")), yesterday);
            driver.findElement(By.id("plan:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The dates are saved"));
            Browser.assertAccessible(driver, "staff/plan");
            Browser.screenshot(driver, "staff-plan");
        } finally {
            driver.quit();
        }

        // The student sees the dates: overdue, not yet open (no link), due tomorrow.
        WebClient student = new WebClient(base).signIn(students.get(0));
        String index = student.get("student/index.xhtml").body();
        assertTrue(card(index, "data-slug", racing).contains("data-standing=\"OVERDUE\""), index);
        String closed = card(index, "data-slug", nobody);
        assertTrue(closed.contains("data-standing=\"NOT_RELEASED\"") && closed.contains("Opens"), closed);
        assertFalse(closed.contains("module.xhtml"), "a step not yet open has no link: " + closed);
        assertTrue(card(index, "data-slug", retires).contains("Due "), index);
        assertTrue(index.indexOf("data-slug=\"" + nobody + "\"") < index.indexOf("data-milestone=\"start\""),
                "in the plan's order");
        // Not even by its address: back to the curriculum, told when it opens.
        HttpResponse<String> early = student.get("student/module.xhtml?module=" + nobody);
        assertEquals(302, early.statusCode(), early.body());
        assertTrue(student.follow("student/module.xhtml?module=" + nobody).body().contains("That step opens on"));
        assertEquals(0, PlanCohorts.count("select count(*) from module_progress p join account a on a.id = "
                + "p.student_id where p.slug = 'the-patient-nobody-owns' and a.email = ?", students.get(0)));
        assertEquals(200, student.get("student/module.xhtml?module=" + racing).statusCode(),
                "an overdue step still opens");

        // A reminder of the step due tomorrow: in the app and in the mail outbox, once each.
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        String reminded = "";
        while (System.nanoTime() < deadline && !reminded.contains("is due soon")) {
            Thread.sleep(2000);
            reminded = student.get("student/index.xhtml").body();
        }
        assertTrue(reminded.contains("is due soon"), "a reminder within a minute: " + reminded);
        assertEquals(1, PlanCohorts.count("select count(*) from mail_message where recipient = ? "
                + "and subject like 'Due %When the family doctor retires%'", students.get(0)));
        assertEquals(1, PlanCohorts.count("select count(*) from notification n join account a on a.id = "
                + "n.recipient_id where n.kind = 'DUE_SOON' and a.email = ?", students.get(0)),
                "nothing else is due within two days, and nothing twice");

        // The cohort's tutor reads the plan and the progress; they cannot change it.
        WebClient tutor = new WebClient(base).signIn(StudioIT.TUTOR2);
        String plan = tutor.get("staff/plan.xhtml?id=" + COHORT).body();
        assertTrue(plan.contains("data-key=\"" + racing + "\"") && !plan.contains("name=\"due-"), plan);
        String progress = tutor.get("staff/progress.xhtml?id=" + COHORT).body();
        Matcher row = Pattern.compile("<tr data-step=\"(\\d+)\" class=\"past-due\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(progress);
        assertTrue(row.find(), progress);
        assertTrue(row.group(2).contains("The racing heart"), row.group(2));
        assertTrue(row.group(2).contains("<td class=\"in-progress\">1</td>")
                && row.group(2).contains("<td class=\"not-started\">1</td>"), row.group(2));
        String standings = tutor.get("staff/progress.xhtml?id=" + COHORT + "&step=" + row.group(1)).body();
        assertEquals(2, Pattern.compile("data-standing=\"OVERDUE\"").matcher(standings).results().count(),
                standings);

        // A reflection submitted after its due date is marked late in the tutor's queue.
        WebClient late = new WebClient(base).signIn(students.get(1));
        late.get("student/module.xhtml?module=it-review");
        String api = "api/modules/it-review/reflection/drafts/";
        assertEquals(200, late.putJson(api + "seeking", "{\"text\":\"She wanted to know someone would stay with her.\","
                + "\"revision\":0}").statusCode());
        assertEquals(200, late.putJson(api + "next-words", "{\"text\":\"I would say I will be here on Tuesday too.\","
                + "\"revision\":0}").statusCode());
        assertEquals(200, late.postJson("api/modules/it-review/reflection/submission", "{}").statusCode());
        String queue = tutor.get("tutor/index.xhtml?module=it-review").body();
        Matcher queued = Pattern.compile("<tr class=\"queue-row\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(queue);
        boolean marked = false;
        while (queued.find()) {
            if (queued.group(1).contains("Plan Student B plan")) {
                assertTrue(queued.group(1).contains("data-standing=\"LATE\"") && queued.group(1).contains("Due "),
                        queued.group(1));
                marked = true;
            }
        }
        assertTrue(marked, "the late reflection is in the queue: " + queue);
        assertTrue(tutor.get("staff/progress.xhtml?id=" + COHORT).body().contains("<td class=\"late\">1</td>"),
                "and counted late in the progress");

        // Both pages as their readers see them, checked with axe.
        ChromeDriver look = Browser.start();
        try {
            CrossSite.signIn(look, base.toString(), students.get(0));
            look.get(base.resolve("student/index.xhtml").toString());
            Browser.assertAccessible(look, "student/index with a dated plan");
            look.executeScript("document.querySelector('.plan-dates').scrollIntoView();");
            Browser.screenshot(look, "student-plan-dates");
            look.manage().deleteAllCookies();
            CrossSite.signIn(look, base.toString(), StudioIT.TUTOR2);
            look.get(base.resolve("staff/progress.xhtml?id=" + COHORT + "&step=" + row.group(1)).toString());
            Browser.assertAccessible(look, "staff/progress");
            look.executeScript("document.getElementById('standings-heading').scrollIntoView();");
            Browser.screenshot(look, "staff-progress");
        } finally {
            look.quit();
        }

        // Another school's people, a tutor of another cohort and a student find nothing.
        WebClient other = new WebClient(base).signIn(StudioIT.ADMIN2);
        assertEquals(404, other.get("staff/plan.xhtml?id=" + COHORT).statusCode());
        assertEquals(404, other.get("staff/progress.xhtml?id=" + COHORT).statusCode());
        assertEquals(404, other.get("staff/progress.xhtml?id=" + COHORT + "&step=" + row.group(1)).statusCode());
        assertEquals(404, new WebClient(base).signIn(StudioIT.TUTOR).get("staff/plan.xhtml?id=" + COHORT)
                .statusCode());
        assertEquals(403, student.get("staff/plan.xhtml?id=" + COHORT).statusCode());

        // Removing a step from the plan keeps the student's work in sight.
        WebClient admin = new WebClient(base).signIn(StudioIT.ADMIN);
        String page = admin.get("staff/plan.xhtml?id=" + COHORT).body();
        Matcher remove = Pattern.compile("data-key=\"" + racing + "\".*?id=\"(plan:[^\"]*:remove)\"", Pattern.DOTALL)
                .matcher(page);
        assertTrue(remove.find(), page);
        HttpResponse<String> removed = admin.postFaces("staff/plan.xhtml?id=" + COHORT, page, "plan",
                java.util.Map.of(remove.group(1), remove.group(1), "id", String.valueOf(COHORT)));
        assertEquals(302, removed.statusCode(), removed.body());
        assertFalse(admin.get("staff/plan.xhtml?id=" + COHORT).body().contains("data-key=\"" + racing + "\""));
        String after = student.get("student/index.xhtml").body();
        assertTrue(card(after, "data-slug", racing).contains("status-in_progress"), after);
        assertFalse(card(after, "data-slug", racing).contains("data-standing"), "no longer dated");
    }

    /**
     * Three steps for the extension cohort, straight into the database: two due yesterday, one due in four days
     * (outside the reminder window until the test moves it to tomorrow, once the extension is given).
     */
    private static void planWithThreeSteps(Instant now) throws Exception {
        try (java.sql.Connection db = PersonalTables.connect()) {
            if (PlanCohorts.count("select count(*) from plan_step where cohort_id = " + EXTENDED + " and 'x' = ?",
                    "x") > 0) {
                return;
            }
            String insert = "insert into plan_step (id, version, cohort_id, position, module_slug, due_at) "
                    + "values (?, 0, ?, ?, ?, ?)";
            Object[][] rows = {{EXTENDED + 51, 0, "the-racing-heart", now.minus(1, ChronoUnit.DAYS)},
                {EXTENDED + 52, 1, "when-the-family-doctor-retires", now.plus(4, ChronoUnit.DAYS)},
                {EXTENDED + 53, 2, "it-review", now.minus(1, ChronoUnit.DAYS)}};
            for (Object[] r : rows) {
                try (java.sql.PreparedStatement q = db.prepareStatement(insert)) {
                    q.setLong(1, (Long) r[0]);
                    q.setLong(2, EXTENDED);
                    q.setInt(3, (Integer) r[1]);
                    q.setString(4, (String) r[2]);
                    q.setTimestamp(5, java.sql.Timestamp.from((Instant) r[3]));
                    q.executeUpdate();
                }
            }
        }
    }

    @Test
    void aTutorExtendsOneStudentsDueDateAndOnlyThatStudentIsNoLongerOverdueNorRemindedEarly() throws Exception {
        List<String> students = PlanCohorts.create(EXTENDED, "Extension cohort (test)", "extended", 2,
                StudioIT.TUTOR2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        planWithThreeSteps(now);
        long racing = EXTENDED + 51;
        long retires = EXTENDED + 52;
        long review = EXTENDED + 53;
        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), StudioIT.TUTOR2);
            driver.get(base.resolve("staff/plan.xhtml?id=" + EXTENDED).toString());
            ZoneId zone = ZoneId.of(driver.findElement(By.id("plan-steps")).getAttribute("data-zone"));
            org.openqa.selenium.support.ui.Select who = new org.openqa.selenium.support.ui.Select(
                    driver.findElement(By.id("extend:student")));
            org.openqa.selenium.support.ui.Select which = new org.openqa.selenium.support.ui.Select(
                    driver.findElement(By.id("extend:step")));
            // Earlier than the step's own date: refused, nothing kept.
            who.selectByVisibleText("Plan Student A extended");
            which.selectByValue(String.valueOf(racing));
            setDate(driver, driver.findElement(By.id("extend:due")),
                    LOCAL.format(now.minus(2, ChronoUnit.DAYS).atZone(zone)));
            driver.findElement(By.id("extend:reason")).sendKeys("A week in hospital");
            driver.findElement(By.id("extend:give")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "must be later"));
            assertEquals(0, PlanCohorts.count("select count(*) from plan_extension where plan_step_id = "
                    + racing + " and 'x' = ?", "x"));
            // Five days from now, for every step: given, and listed with the reason.
            for (long step : new long[] {racing, retires, review}) {
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("extend:student")))
                        .selectByVisibleText("Plan Student A extended");
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("extend:step")))
                        .selectByValue(String.valueOf(step));
                setDate(driver, driver.findElement(By.id("extend:due")),
                        LOCAL.format(now.plus(5, ChronoUnit.DAYS).atZone(zone)));
                driver.findElement(By.id("extend:reason")).clear();
                driver.findElement(By.id("extend:reason")).sendKeys("A week in hospital");
                driver.findElement(By.id("extend:give")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                        "The extension is given"));
            }
            List<WebElement> listed = driver.findElements(By.cssSelector("tr.extension-row"));
            assertEquals(3, listed.size());
            assertTrue(listed.get(0).getText().contains("A week in hospital")
                    && listed.get(0).getText().contains("Plan Student A extended"), listed.get(0).getText());
            Browser.assertAccessible(driver, "staff/plan with extensions");
            driver.executeScript("document.getElementById('extensions').scrollIntoView();");
            Browser.screenshot(driver, "staff-plan-extensions");
        } finally {
            driver.quit();
        }

        // A sees the new date and is not overdue; B, in the same cohort, is; A never sees the reason.
        WebClient a = new WebClient(base).signIn(students.get(0));
        String indexA = a.get("student/index.xhtml").body();
        String cardA = card(indexA, "data-slug", "the-racing-heart");
        assertTrue(cardA.contains("(extended)") && !cardA.contains("data-standing=\"OVERDUE\""), cardA);
        assertFalse(indexA.contains("A week in hospital"), "the reason is for staff only");
        WebClient b = new WebClient(base).signIn(students.get(1));
        String cardB = card(b.get("student/index.xhtml").body(), "data-slug", "the-racing-heart");
        assertTrue(cardB.contains("data-standing=\"OVERDUE\"") && !cardB.contains("(extended)"), cardB);

        // The tutor's standings: B overdue, A not, with A's own date shown.
        WebClient tutor = new WebClient(base).signIn(StudioIT.TUTOR2);
        String standings = tutor.get("staff/progress.xhtml?id=" + EXTENDED + "&step=" + racing).body();
        assertEquals(1, Pattern.compile("data-standing=\"OVERDUE\"").matcher(standings).results().count(),
                standings);
        assertTrue(standings.contains("(extended)"), standings);

        // Both submit the review step after the cohort's date, A within their extension: the progress table
        // counts A on time and B late, and the tutor's queue marks B late and A on time, with A's own date.
        for (WebClient student : List.of(a, b)) {
            student.get("student/module.xhtml?module=it-review");
            String api = "api/modules/it-review/reflection/drafts/";
            assertEquals(200, student.putJson(api + "seeking", "{\"text\":\"She wanted to know someone would stay "
                    + "with her.\",\"revision\":0}").statusCode());
            assertEquals(200, student.putJson(api + "next-words", "{\"text\":\"I would say I will be here on "
                    + "Tuesday too.\",\"revision\":0}").statusCode());
            assertEquals(200, student.postJson("api/modules/it-review/reflection/submission", "{}").statusCode());
        }
        String progress = tutor.get("staff/progress.xhtml?id=" + EXTENDED).body();
        Matcher counted = Pattern.compile("<tr data-step=\"" + review + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(progress);
        assertTrue(counted.find(), progress);
        assertTrue(counted.group(1).contains("<td class=\"on-time\">1</td>")
                && counted.group(1).contains("<td class=\"late\">1</td>"), counted.group(1));
        String queue = tutor.get("tutor/index.xhtml?module=it-review&student=extended").body();
        Matcher queued = Pattern.compile("<tr class=\"queue-row\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(queue);
        int marked = 0;
        while (queued.find()) {
            if (queued.group(1).contains("Plan Student A extended")) {
                assertTrue(queued.group(1).contains("data-standing=\"ON_TIME\"")
                        && queued.group(1).contains("(extended)"), queued.group(1));
                marked++;
            } else if (queued.group(1).contains("Plan Student B extended")) {
                assertTrue(queued.group(1).contains("data-standing=\"LATE\"")
                        && !queued.group(1).contains("(extended)"), queued.group(1));
                marked++;
            }
        }
        assertEquals(2, marked, "both reflections in the queue: " + queue);

        // The second step now falls due tomorrow: B is reminded, A (extended to five days from now) is not
        // reminded before the cohort's date.
        try (java.sql.Connection db = PersonalTables.connect();
                java.sql.PreparedStatement q = db.prepareStatement("update plan_step set due_at = ? where id = ?")) {
            q.setTimestamp(1, java.sql.Timestamp.from(now.plus(1, ChronoUnit.DAYS)));
            q.setLong(2, retires);
            q.executeUpdate();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        String sql = "select count(*) from notification n join account a on a.id = n.recipient_id "
                + "where n.kind = 'DUE_SOON' and a.email = ?";
        while (System.nanoTime() < deadline && PlanCohorts.count(sql, students.get(1)) == 0) {
            Thread.sleep(2000);
        }
        assertEquals(1, PlanCohorts.count(sql, students.get(1)), "B is reminded of the step due tomorrow");
        assertEquals(0, PlanCohorts.count(sql, students.get(0)), "A is not reminded before the cohort's date");

        // A withdrawal is a new row: history kept, and A is overdue again.
        String page = tutor.get("staff/plan.xhtml?id=" + EXTENDED).body();
        Matcher withdraw = Pattern.compile("id=\"(extend:[^\"]*:withdraw)\"").matcher(page);
        assertTrue(withdraw.find(), page);
        HttpResponse<String> withdrawn = tutor.postFaces("staff/plan.xhtml?id=" + EXTENDED, page, "extend",
                java.util.Map.of(withdraw.group(1), withdraw.group(1), "id", String.valueOf(EXTENDED)));
        assertEquals(302, withdrawn.statusCode(), withdrawn.body());
        assertEquals(4, PlanCohorts.count("select count(*) from plan_extension e join plan_step s on s.id = "
                + "e.plan_step_id where s.cohort_id = " + EXTENDED + " and 'x' = ?", "x"), "appended, not overwritten");
        assertEquals(2, Pattern.compile("class=\"extension-row\"").matcher(tutor.get("staff/plan.xhtml?id="
                + EXTENDED).body()).results().count());

        // B, reminded of tomorrow, is given a day and a half: reminded once more, before the new date, and no more.
        ChromeDriver give = Browser.start();
        try {
            CrossSite.signIn(give, base.toString(), StudioIT.TUTOR2);
            give.get(base.resolve("staff/plan.xhtml?id=" + EXTENDED).toString());
            ZoneId zone = ZoneId.of(give.findElement(By.id("plan-steps")).getAttribute("data-zone"));
            new org.openqa.selenium.support.ui.Select(give.findElement(By.id("extend:student")))
                    .selectByVisibleText("Plan Student B extended");
            new org.openqa.selenium.support.ui.Select(give.findElement(By.id("extend:step")))
                    .selectByValue(String.valueOf(retires));
            setDate(give, give.findElement(By.id("extend:due")),
                    LOCAL.format(now.plus(36, ChronoUnit.HOURS).atZone(zone)));
            give.findElement(By.id("extend:reason")).sendKeys("Night shifts");
            give.findElement(By.id("extend:give")).click();
            new WebDriverWait(give, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "The extension is given"));
        } finally {
            give.quit();
        }
        deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (System.nanoTime() < deadline && PlanCohorts.count(sql, students.get(1)) < 2) {
            Thread.sleep(2000);
        }
        assertEquals(2, PlanCohorts.count(sql, students.get(1)), "B is reminded again, of the extended date");
        assertEquals(2, PlanCohorts.count("select count(*) from mail_message where recipient = ? "
                + "and subject like 'Due %When the family doctor retires%'", students.get(1)), "and by mail");
        Thread.sleep(45_000);
        assertEquals(2, PlanCohorts.count(sql, students.get(1)), "and only once");
        assertEquals(0, PlanCohorts.count(sql, students.get(0)), "A, still extended to five days, is not reminded");

        // Another school's staff find neither the cohort's plan, its step nor its extensions.
        WebClient other = new WebClient(base).signIn(StudioIT.ADMIN2);
        assertEquals(404, other.get("staff/plan.xhtml?id=" + EXTENDED).statusCode());
        assertEquals(404, other.get("staff/progress.xhtml?id=" + EXTENDED + "&step=" + racing).statusCode());

        ChromeDriver look = Browser.start();
        try {
            CrossSite.signIn(look, base.toString(), students.get(0));
            look.get(base.resolve("student/index.xhtml").toString());
            look.executeScript("document.querySelector('.plan-dates').scrollIntoView();");
            Browser.screenshot(look, "student-extended");
        } finally {
            look.quit();
        }
    }

    /** The cohorts of the own-milestone test, in one programme, and a cohort outside it. */
    static final long OWN_A = 9900600;

    static final long OWN_B = 9900700;

    /**
     * A plan places a milestone of its own with a shared instrument, dated; its student finds it in their curriculum
     * and rates it there; once rated it cannot be taken out of the plan. Another cohort of the same programme starts
     * its plan as a copy of that one (steps, dates, instruments), and a cohort outside the programme is not offered.
     */
    @Test
    void aPlanPlacesAMilestoneOfItsOwnItsStudentRatesThereAndAnotherCohortOfTheProgrammeCopiesThePlan()
            throws Exception {
        List<String> studentsA = PlanCohorts.create(OWN_A, "Own milestone cohort A (test)", "owna", 1);
        PlanCohorts.create(OWN_B, "Own milestone cohort B (test)", "ownb", 1);
        PlanCohorts.programme(9900690, "Own milestone programme (test)", OWN_A, OWN_B);
        String own = "own-mid-placement-check";
        ChromeDriver driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        String due;
        List<String> planA;
        try {
            CrossSite.signIn(driver, base.toString(), StudioIT.ADMIN);
            driver.get(base.resolve("staff/plan.xhtml?id=" + OWN_A).toString());
            driver.findElement(By.id("plan:start")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
            driver.findElement(By.id("plan:ownTitle")).sendKeys("Mid-placement check");
            driver.findElement(By.id("plan:addOwn")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Added at the end"));
            WebElement step = step(driver, own);
            assertTrue(step.getText().contains("Mid-placement check") && step.getText().contains(
                    "Milestone of this plan"), step.getText());
            // A shared instrument at it, and a due date.
            String stepId = step.getAttribute("data-step");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("instrument-" + stepId)))
                    .selectByValue("consultation-empathy");
            step.findElement(By.cssSelector("button[id$='addInstrument']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "asks for that"));
            ZoneId zone = ZoneId.of(driver.findElement(By.id("plan-steps")).getAttribute("data-zone"));
            due = LOCAL.format(Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).atZone(zone));
            setDate(driver, step(driver, own).findElement(By.cssSelector("input[id^='due-']")), due);
            // Before the curriculum's last milestone.
            step(driver, own).findElement(By.cssSelector("button[id$=':up']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The step is moved"));
            planA = order(driver);
            assertEquals(List.of(own, "end"), planA.subList(planA.size() - 2, planA.size()), planA.toString());
            assertEquals(due, step(driver, own).findElement(By.cssSelector("input[id^='due-']")).getAttribute("value"));
            assertTrue(step(driver, own).findElement(By.cssSelector(".added-instruments")).getText()
                    .contains("Empathy in consultation"));
            Browser.assertAccessible(driver, "staff/plan (own milestone)");
            driver.executeScript("arguments[0].scrollIntoView();", step(driver, own));
            Browser.screenshot(driver, "plan-own-milestone");
        } finally {
            driver.quit();
        }

        // Its student finds it in the curriculum, before the end, and rates the instrument there.
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), studentsA.get(0));
            driver.get(base.resolve("student/index.xhtml").toString());
            String main = driver.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("Mid-placement check"), main);
            driver.get(base.resolve("student/milestone.xhtml?c=year-3-attachment&milestone=" + own).toString());
            WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("li.instrument-card[data-instrument='consultation-empathy']")));
            card.findElement(By.cssSelector("a.rate-link")).click();
            List<WebElement> items = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                    By.cssSelector("li.item")));
            for (WebElement item : items) {
                item.findElement(By.cssSelector("input[type=radio][value='4']")).click();
            }
            driver.findElement(By.cssSelector("button[id$='submit']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                    "li.instrument-card[data-instrument='consultation-empathy']"), "Submitted"));
            driver.get(base.resolve("student/results.xhtml").toString());
            assertTrue(driver.findElement(By.tagName("main")).getText().contains("Mid-placement check"),
                    "the rating is shown at its milestone: " + driver.findElement(By.tagName("main")).getText());
        } finally {
            driver.quit();
        }
        // Another school's student finds no such milestone.
        assertEquals(404, new WebClient(base).signIn(StudioIT.eastbridgeStudent())
                .get("student/milestone.xhtml?c=year-3-attachment&milestone=" + own).statusCode());
        assertEquals(404, new WebClient(base).signIn(StudioIT.ADMIN2).get("staff/plan.xhtml?id=" + OWN_A)
                .statusCode(), "another school's administrator finds no such plan");

        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            CrossSite.signIn(driver, base.toString(), StudioIT.ADMIN);
            // Rated at: it stays.
            driver.get(base.resolve("staff/plan.xhtml?id=" + OWN_A).toString());
            step(driver, own).findElement(By.cssSelector("button[id$=':remove']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "have rated at this"));
            assertTrue(order(driver).contains(own));

            // The other cohort of the programme starts from A's plan; a cohort outside the programme is not offered.
            driver.get(base.resolve("staff/plan.xhtml?id=" + OWN_B).toString());
            List<String> offered = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(
                    "plan:copyFrom"))).getOptions().stream().map(WebElement::getText).toList();
            assertEquals(List.of("Own milestone cohort A (test)"), offered);
            Browser.assertAccessible(driver, "staff/plan (copy from)");
            driver.findElement(By.id("plan:copy")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The plan is copied"));
            assertEquals(planA, order(driver));
            assertEquals(due, step(driver, own).findElement(By.cssSelector("input[id^='due-']")).getAttribute("value"));
            assertTrue(step(driver, own).getText().contains("Empathy in consultation"), step(driver, own).getText());
            // Nobody in B has rated at it: it can go.
            step(driver, own).findElement(By.cssSelector("button[id$=':remove']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "is removed"));
            assertFalse(order(driver).contains(own));
            assertEquals(planA.size() - 1, order(driver).size());
        } finally {
            driver.quit();
        }
    }
}
