package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Balint groups over real HTTP and in real browsers, on the demo school: Northgate's year 3 group (led by tutor@,
 * with student1..3 and five classmates; its first session in phase 3). Each test schedules its own session where it
 * needs a fresh one. The demo group has only three students who can sign in, and one of them leaves it at the end
 * of the phase-rule test: that test runs last.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalintIT {

    static final String TUTOR = "tutor@demo.securebase.org";
    static final String TUTOR2 = "tutor2@demo.securebase.org";
    static final String ADMIN = "admin@demo.securebase.org";
    static final String ADMIN2 = "admin2@demo.securebase.org";
    static final String STUDENT1 = "student1@demo.securebase.org";
    static final String STUDENT2 = "student2@demo.securebase.org";
    static final String STUDENT3 = "student3@demo.securebase.org";
    static final String STUDENT4 = "student4@demo.securebase.org";

    /** A phrase of the demo case: it must never reach anyone outside the group. */
    static final String DEMO_CASE = "a rash that had gone by the time I looked";

    private static final Pattern GROUP_LINK = Pattern.compile("group\\.xhtml\\?id=(\\d+)\"[^>]*>Year 3 Balint group");
    private static final Pattern SESSION_LINK = Pattern.compile("session\\.xhtml\\?id=(\\d+)\"");
    private static final Pattern POST_ID = Pattern.compile("\"id\":(\\d+),\"author\"");

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

    private static long first(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertTrue(m.find(), "no match of " + pattern + " in " + page);
        return Long.parseLong(m.group(1));
    }

    private static List<Long> all(Pattern pattern, String page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = pattern.matcher(page);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private long demoGroup(WebClient member) {
        return first(GROUP_LINK, member.get("balint/index.xhtml").body());
    }

    /** The leader schedules one session that opened a minute ago; its id. */
    private long newSession(WebClient leader, long group) {
        String page = leader.get("balint/group.xhtml?id=" + group).body();
        List<Long> before = all(SESSION_LINK, page);
        String opens = LocalDateTime.now().minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
        HttpResponse<String> added = leader.postFaces("balint/group.xhtml?id=" + group, page, "schedule",
                Map.of("schedule:first", opens, "schedule:days", "7", "schedule:count", "1", "schedule:every", "14",
                        "schedule:add", ""));
        assertEquals(302, added.statusCode(), added.body());
        List<Long> after = all(SESSION_LINK, leader.get("balint/group.xhtml?id=" + group).body());
        after.removeAll(before);
        assertEquals(1, after.size(), "one new session");
        return after.get(0);
    }

    private static HttpResponse<String> post(WebClient who, long session, String text) {
        String api = "api/balint/sessions/" + session;
        HttpResponse<String> draft = who.get(api);
        assertEquals(200, draft.statusCode(), draft.body());
        // Drafts are revisioned: read the current one from the page's editor, else start at 0.
        String page = who.get("balint/session.xhtml?id=" + session).body();
        Matcher rev = Pattern.compile("data-revision=\"(\\d+)\"").matcher(page);
        long revision = rev.find() ? Long.parseLong(rev.group(1)) : 0;
        HttpResponse<String> saved = who.putJson(api + "/drafts/post",
                "{\"text\":" + WebClient.json(text) + ",\"revision\":" + revision + "}");
        if (saved.statusCode() != 200) {
            return saved;
        }
        return who.postJson(api + "/submission", "{}");
    }

    private void advance(WebClient leader, long session) {
        String path = "balint/session.xhtml?id=" + session;
        String page = leader.get(path).body();
        HttpResponse<String> moved = leader.postFaces(path, page, "advance", Map.of("advance:next", ""));
        assertEquals(302, moved.statusCode(), moved.body());
    }

    @Test
    @Order(2)
    void nobodyOutsideTheGroupReadsItsPostsByPageApiOrId() {
        WebClient student1 = as(STUDENT1);
        long group = demoGroup(student1);
        long session = first(SESSION_LINK, student1.get("balint/group.xhtml?id=" + group).body());
        HttpResponse<String> page = student1.get("balint/session.xhtml?id=" + session);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(DEMO_CASE), "a member reads the case");
        String api = student1.get("api/balint/sessions/" + session).body();
        assertTrue(api.contains("\"phase\":\"GROUP_WORK\""), api);
        long postId = first(POST_ID, api);
        assertEquals(200, student1.get("api/balint/posts/" + postId).statusCode());

        // The administrator sees that the group exists, its members and its dates, nothing written.
        WebClient admin = as(ADMIN);
        String adminGroup = admin.get("balint/group.xhtml?id=" + group).body();
        assertTrue(adminGroup.contains("Amara Okafor") && adminGroup.contains("admin-only"), adminGroup);
        assertFalse(adminGroup.contains(DEMO_CASE));
        assertFalse(adminGroup.contains("session.xhtml?id="), "no way into a session");
        for (String email : List.of(ADMIN, ADMIN2, TUTOR2, STUDENT4)) {
            WebClient outsider = as(email);
            assertEquals(404, outsider.get("balint/session.xhtml?id=" + session).statusCode(), email + " page");
            assertEquals(404, outsider.get("api/balint/sessions/" + session).statusCode(), email + " API");
            assertEquals(404, outsider.get("api/balint/posts/" + postId).statusCode(), email + " post id");
            assertEquals(404, outsider.putJson("api/balint/sessions/" + session + "/drafts/post",
                    "{\"text\":\"x\",\"revision\":0}").statusCode(), email + " draft");
            assertEquals(404, outsider.postJson("api/balint/sessions/" + session + "/submission", "{}").statusCode(),
                    email + " post");
            String home = outsider.get("balint/index.xhtml").body();
            assertFalse(home.contains(DEMO_CASE), email);
        }
        // Another school, another tutor, a student not in the group: not even the group exists for them.
        for (String email : List.of(ADMIN2, TUTOR2, STUDENT4)) {
            assertEquals(404, as(email).get("balint/group.xhtml?id=" + group).statusCode(), email);
        }
        // An unknown id looks the same as a forbidden one.
        assertEquals(404, student1.get("api/balint/sessions/999999").statusCode());
        assertEquals(404, student1.get("balint/session.xhtml?id=999999").statusCode());
        // Nothing of the group reaches the administrator's exports of the cohort.
        assertFalse(admin.get("admin/audit.xhtml").body().contains(DEMO_CASE));
    }

    @Test
    @Order(4)
    void theServerEnforcesEveryPhaseRuleThroughHttp() {
        WebClient leader = as(TUTOR);
        WebClient member = as(STUDENT1);
        WebClient presenter = as(STUDENT2);
        WebClient leaving = as(STUDENT3);
        long group = demoGroup(leader);
        long session = newSession(leader, group);
        String path = "balint/session.xhtml?id=" + session;

        // Phase 1: nobody may leave the case before someone presents it; only the presenter writes it.
        String page = leader.get(path).body();
        Matcher option = Pattern.compile("<option value=\"(\\d+)\"[^>]*>Tomasz Nowak</option>").matcher(page);
        assertTrue(option.find(), page);
        assertEquals(302, leader.postFaces(path, page, "presenter",
                Map.of("presenter:who", option.group(1), "presenter:set", "")).statusCode());
        assertEquals(403, post(member, session, "Can I ask something?").statusCode(), "a member in phase 1");
        assertEquals(422, post(presenter, session, "   ").statusCode(), "an empty case");
        assertEquals(200, post(presenter, session, "A man I saw three times who never sat down.").statusCode());

        advance(leader, session);
        assertEquals(200, post(member, session, "Did anyone come with him?").statusCode());
        assertEquals(200, post(leaving, session, "How old was he?").statusCode());
        assertEquals(200, post(presenter, session, "Nobody; about forty.").statusCode());

        advance(leader, session);
        // Phase 3: the presenter sits back.
        HttpResponse<String> sitBack = post(presenter, session, "But I did offer him a chair!");
        assertEquals(403, sitBack.statusCode(), sitBack.body());
        assertTrue(sitBack.body().contains("notYourTurn"), sitBack.body());
        assertFalse(presenter.get(path).body().contains("id=\"balint-text\""), "no editor for the presenter");
        assertTrue(presenter.get(path).body().contains("push their chair back")
                || presenter.get(path).body().contains("pushes their chair back"), "the presenter's guidance");
        assertEquals(200, post(member, session, "I felt restless reading it, as if I could not sit down either.")
                .statusCode());
        assertEquals(200, post(member, session, "His first name is John Smith, of course.").statusCode());

        // The leader hides a post with a reason; its author sees the reason, the others only that it is hidden.
        String leaderPage = leader.get(path).body();
        String api = member.get("api/balint/sessions/" + session).body();
        long hiddenId = all(POST_ID, api).get(all(POST_ID, api).size() - 1);
        int at = leaderPage.indexOf("id=\"post-" + hiddenId + "\"");
        Matcher hideForm = Pattern.compile("<form id=\"([^\"]+:hide)\"").matcher(leaderPage.substring(at));
        assertTrue(hideForm.find(), leaderPage);
        String form = hideForm.group(1);
        assertEquals(302, leader.postFaces(path, leaderPage, form,
                Map.of(form + ":reason", "It names someone", form + ":hide", "")).statusCode());
        String mine = member.get("api/balint/posts/" + hiddenId).body();
        assertTrue(mine.contains("It names someone") && mine.contains("John Smith"), mine);
        String theirs = presenter.get("api/balint/posts/" + hiddenId).body();
        assertTrue(theirs.contains("\"hidden\":true") && !theirs.contains("John Smith")
                && !theirs.contains("It names someone"), theirs);
        assertFalse(presenter.get(path).body().contains("John Smith"));
        // The leader reads it again only on purpose, and every reading is recorded.
        leaderPage = leader.get(path).body();
        assertFalse(leaderPage.contains("John Smith"), "hidden from the leader's page too");
        assertTrue(leaderPage.contains("opened again in this session: 0"), leaderPage);
        for (int reading = 1; reading <= 2; reading++) {
            leaderPage = leader.get(path).body();
            Matcher reveal = Pattern.compile("<form id=\"([^\"]+:reveal)\"").matcher(leaderPage);
            assertTrue(reveal.find());
            String revealed = leader.postFaces(path, leaderPage, reveal.group(1),
                    Map.of(reveal.group(1) + ":reveal", "")).body();
            assertTrue(revealed.contains("John Smith"), revealed);
            assertTrue(revealed.contains("opened again in this session: " + reading), revealed);
        }

        // The leader's private note: nobody else ever sees it.
        leaderPage = leader.get(path).body();
        assertEquals(302, leader.postFaces(path, leaderPage, "note",
                Map.of("note:text", "The group avoided the anger today.", "note:save", "")).statusCode());
        assertTrue(leader.get(path).body().contains("The group avoided the anger today."));
        assertFalse(member.get(path).body().contains("avoided the anger"));
        assertFalse(member.get("api/balint/sessions/" + session).body().contains("avoided the anger"));

        advance(leader, session);
        assertEquals(403, post(member, session, "One more thought").statusCode(), "members listen in phase 4");
        assertEquals(200, post(presenter, session, "I recognise the restlessness.").statusCode());

        advance(leader, session);
        assertEquals(403, post(presenter, session, "Thanks").statusCode(), "only the leader writes in phase 5");
        assertEquals(200, post(leader, session, "Thank you, Tomasz, and all of you.").statusCode());

        // Closed: read-only for everyone, the leader included.
        String closed = member.get("api/balint/sessions/" + session).body();
        assertTrue(closed.contains("\"closed\":true") && closed.contains("\"mayPost\":false"), closed);
        assertEquals(409, member.putJson("api/balint/sessions/" + session + "/drafts/post",
                "{\"text\":\"late\",\"revision\":0}").statusCode());
        assertEquals(403, member.postJson("api/balint/sessions/" + session + "/submission", "{}").statusCode());
        assertEquals(409, post(leader, session, "Another note").statusCode(), "not even a draft");
        page = leader.get(path).body();
        assertFalse(page.contains("id=\"advance\""), "no next phase");
        assertFalse(page.contains("id=\"balint-text\""), "no editor");

        // The members were told in the app when each phase opened.
        assertTrue(member.get("student/index.xhtml").body().contains("a new phase has opened"));

        // A member who leaves loses access at once; their posts stay, as "a former member" as they asked.
        String groupPage = leaving.get("balint/group.xhtml?id=" + group).body();
        assertEquals(302, leaving.postFaces("balint/group.xhtml?id=" + group, groupPage, "leave",
                Map.of("leave:anonymous", "true", "leave:leave", "")).statusCode());
        assertEquals(404, leaving.get(path).statusCode());
        assertEquals(404, leaving.get("api/balint/sessions/" + session).statusCode());
        assertEquals(404, leaving.get("balint/group.xhtml?id=" + group).statusCode());
        String seen = member.get("api/balint/sessions/" + session).body();
        assertTrue(seen.contains("How old was he?") && seen.contains("\"formerMember\":true"), seen);
        assertTrue(member.get(path).body().contains("A former member"));
    }

    @Test
    @Order(3)
    void theRetentionRuleDeletesExactlyTheTextPastItsDate() {
        WebClient admin = as(ADMIN);
        WebClient leader = as(TUTOR);
        WebClient member = as(STUDENT1);
        long demo = demoGroup(member);
        // A second group, ended: with a retention of 0 months its text is past its date at once.
        String form = admin.get("balint/new.xhtml?cohort=" + cohortOf(admin)).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("group:name", "Retention test group");
        Matcher leaderOption = Pattern.compile("<option value=\"(\\d+)\"[^>]*>Dr Helen Marsh</option>").matcher(form);
        assertTrue(leaderOption.find(), form);
        fields.put("group:leader", leaderOption.group(1));
        List<Map.Entry<String, String>> body = new ArrayList<>(fields.entrySet());
        Matcher boxes = Pattern.compile("name=\"group:members\"[^>]*value=\"(\\d+)\"").matcher(form);
        while (boxes.find() && body.size() < 6) {
            body.add(Map.entry("group:members", boxes.group(1)));
        }
        assertEquals(6, body.size(), form);
        body.add(Map.entry("group:create", ""));
        HttpResponse<String> made = admin.postFaces("balint/new.xhtml?cohort=" + cohortOf(admin), form, "group",
                body);
        assertEquals(302, made.statusCode(), made.body());
        long group = first(Pattern.compile("id=(\\d+)"), made.headers().firstValue("Location").orElseThrow());
        // The leader's session in it, with a post by the leader (members have not accepted yet).
        long session = newSession(leader, group);
        String path = "balint/session.xhtml?id=" + session;
        assertEquals(200, leader.get(path).statusCode());
        assertEquals(403, post(leader, session, "Welcome").statusCode(), "nobody presents yet: not the leader's");
        assertEquals(200, leader.putJson("api/balint/sessions/" + session + "/drafts/post",
                "{\"text\":\"A draft to be deleted\",\"revision\":1}").statusCode());
        String groupPage = admin.get("balint/group.xhtml?id=" + group).body();
        assertEquals(302, admin.postFaces("balint/group.xhtml?id=" + group, groupPage, "end",
                Map.of("end:end", "")).statusCode());

        // No retention set: nothing is deleted, and the page says nothing is due.
        String settings = admin.get("admin/balint.xhtml").body();
        assertTrue(settings.contains("id=\"retention:nothing-due\""), "nothing due without a retention period");
        assertTrue(admin.postFaces("admin/balint.xhtml", settings, "retention", Map.of("retention:purge", ""))
                .statusCode() == 302);
        assertTrue(admin.follow("admin/balint.xhtml").body().contains("the text of 0 group(s)"));
        // Retention of 0 months: the ended group's text goes; the running demo group keeps everything.
        settings = admin.get("admin/balint.xhtml").body();
        assertEquals(302, admin.postFaces("admin/balint.xhtml", settings, "settings",
                Map.of("settings:agreement", "", "settings:months", "0", "settings:save", "")).statusCode());
        settings = admin.get("admin/balint.xhtml").body();
        // Before the rule runs, the page shows what it deletes next: the ended group, from today (0 months).
        Matcher due = Pattern.compile("(?s)<tr class=\"due-row\"><td>Retention test group</td><td>([^<]+)</td><td>"
                + "([^<]+)</td></tr>").matcher(settings);
        assertTrue(due.find(), "the ended group is listed as due: " + settings);
        assertEquals(due.group(1), due.group(2), "kept 0 months: deleted from the day it ended");
        admin.postFaces("admin/balint.xhtml", settings, "retention", Map.of("retention:purge", ""));
        assertFalse(admin.get("admin/balint.xhtml").body().contains("<td>Retention test group</td>"),
                "no longer due once deleted");
        assertTrue(admin.get("balint/group.xhtml?id=" + group).body().contains("has been deleted"));
        assertTrue(leader.get(path).body().contains("opened again") && !leader.get(path).body()
                .contains("A draft to be deleted"), "the draft is gone");
        assertTrue(member.get("balint/session.xhtml?id=" + first(SESSION_LINK,
                member.get("balint/group.xhtml?id=" + demo).body())).body().contains(DEMO_CASE),
                "the running group keeps its text");
        // A second run finds nothing more to delete.
        settings = admin.get("admin/balint.xhtml").body();
        admin.postFaces("admin/balint.xhtml", settings, "retention", Map.of("retention:purge", ""));
        assertTrue(admin.follow("admin/balint.xhtml").body().contains("the text of 0 group(s)"));
        // Another school's administrator cannot touch Northgate's groups.
        assertEquals(404, as(ADMIN2).get("balint/group.xhtml?id=" + group).statusCode());
        // Put the setting back: other tests run on the same school.
        settings = admin.get("admin/balint.xhtml").body();
        admin.postFaces("admin/balint.xhtml", settings, "settings",
                Map.of("settings:agreement", "", "settings:months", "", "settings:save", ""));
    }

    private long cohortOf(WebClient admin) {
        String page = admin.get("balint/new.xhtml").body();
        Matcher m = Pattern.compile("<option value=\"(\\d+)\"[^>]*>Year 3 communication").matcher(page);
        assertTrue(m.find(), page);
        return Long.parseLong(m.group(1));
    }

    // ---- a whole session in four browsers ------------------------------------------------------------------

    private ChromeDriver signedIn(String email) {
        ChromeDriver driver = Browser.start();
        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(WebClient.PASSWORD);
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("login"));
        return driver;
    }

    /**
     * A wait that asks again when Chromium answers, while a page is being replaced, that an element's node "does not
     * belong to the document" (a transient answer, not a failure); it still fails after 20 seconds.
     */
    private static WebDriverWait waitIn(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Opens the session and waits until its live channel is open. */
    private void open(ChromeDriver driver, long session) {
        driver.get(base.resolve("balint/session.xhtml?id=" + session).toString());
        live(driver);
    }

    /** Waits until the page's live channel is open (after each load of the page). */
    private static void live(ChromeDriver driver) {
        waitIn(driver).until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
                "return document.getElementById('balint-session').dataset.live")));
    }

    /** Writes in the session's editor and posts; the page reloads with the post in it. */
    private static void write(ChromeDriver driver, String text) {
        WebElement area = driver.findElement(By.id("balint-text"));
        area.clear();
        area.sendKeys(text);
        driver.findElement(By.id("submit-reflection")).click();
        waitIn(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-list"), text));
        live(driver);
    }

    /** The text arrives in another person's open page, without a reload. */
    private static void arrives(ChromeDriver driver, String text) {
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.__notReloaded = true;");
        waitIn(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-list"), text));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__notReloaded;"),
                "arrived without a reload " + marker);
    }

    private static void leaderClicks(ChromeDriver leader, String id) {
        WebElement button = leader.findElement(By.id(id));
        button.click();
        waitIn(leader).until(ExpectedConditions.stalenessOf(button));
        waitIn(leader).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-info")));
        live(leader);
    }

    /** The new phase is announced live in an open page; following the link shows it. */
    private static void phaseMovesIn(ChromeDriver driver, String phaseLabel) {
        waitIn(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("live-reload"))).click();
        waitIn(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("guidance-heading"),
                phaseLabel));
        live(driver);
    }

    @Test
    @Order(1)
    void aWholeSessionInFourBrowsersWithPostsArrivingLive() {
        WebClient http = as(TUTOR);
        long session = newSession(http, demoGroup(http));
        ChromeDriver leader = signedIn(TUTOR);
        ChromeDriver presenter = null;
        ChromeDriver member1 = null;
        ChromeDriver member3 = null;
        try {
            presenter = signedIn(STUDENT2);
            member1 = signedIn(STUDENT1);
            member3 = signedIn(STUDENT3);

            // Phase 1: the leader names the presenter; the members wait with the page open.
            open(leader, session);
            Browser.assertAccessible(leader, "Balint session, leader, phase 1");
            new Select(leader.findElement(By.id("presenter:who"))).selectByVisibleText("Tomasz Nowak");
            leaderClicks(leader, "presenter:set");
            open(member1, session);
            open(member3, session);
            open(presenter, session);
            assertTrue(member1.findElements(By.id("balint-text")).isEmpty(), "members do not write the case");
            // The case is told with the reflection editor's identifier flags: a name is flagged before posting.
            WebElement area = presenter.findElement(By.id("balint-text"));
            area.sendKeys("I saw Margaret Thompson three times.");
            WebElement flags = presenter.findElement(By.id("identifiers-balint-text"));
            waitIn(presenter).until(d -> flags.findElements(By.cssSelector(".identifier-flag")).size() == 1);
            assertEquals("Margaret Thompson", flags.findElement(By.cssSelector(".identifier-words")).getText());
            Browser.assertAccessible(presenter, "Balint case with an identifier flagged");
            String theCase = "A man in his forties I saw three times; he never sat down.";
            write(presenter, theCase);
            arrives(member1, theCase);
            arrives(leader, theCase);
            Browser.screenshot(member1, "balint-member-case-arrived");

            // Phase 2: questions of fact, answered by the presenter; each arrives live in the others' pages.
            leaderClicks(leader, "advance:next");
            phaseMovesIn(member1, "Questions of fact");
            phaseMovesIn(presenter, "Questions of fact");
            write(member1, "Did anyone come with him?");
            arrives(presenter, "Did anyone come with him?");
            write(presenter, "Nobody, ever.");
            arrives(member1, "Nobody, ever.");

            // Phase 3: the presenter sits back and reads what arrives.
            leaderClicks(leader, "advance:next");
            phaseMovesIn(presenter, "The group works");
            phaseMovesIn(member1, "The group works");
            phaseMovesIn(member3, "The group works");
            assertTrue(presenter.findElements(By.id("balint-text")).isEmpty(), "the presenter cannot post");
            assertTrue(presenter.findElement(By.id("phase-guidance")).getText().contains("chair back"));
            Browser.assertAccessible(presenter, "Balint session, presenter sitting back");
            Browser.assertAccessible(member1, "Balint session, member, phase 3");
            write(member1, "I felt restless reading it, as if I could not sit down either.");
            arrives(presenter, "as if I could not sit down either");
            write(member3, "I wondered who he was standing guard for.");
            arrives(presenter, "who he was standing guard for");
            arrives(member1, "who he was standing guard for");
            Browser.screenshot(presenter, "balint-presenter-sits-back");

            // Phase 4: the presenter returns.
            leaderClicks(leader, "advance:next");
            phaseMovesIn(presenter, "The presenter returns");
            write(presenter, "Standing guard: yes. I think I stood too.");
            arrives(member1, "I think I stood too");

            // Phase 5: the leader closes; the session becomes read-only in everyone's page.
            leaderClicks(leader, "advance:next");
            write(leader, "Thank you, Tomasz, and all of you.");
            assertTrue(leader.findElements(By.id("balint-text")).isEmpty(), "read-only after the closing note");
            arrives(member3, "Thank you, Tomasz");
            waitIn(member3).until(ExpectedConditions.visibilityOfElementLocated(By.id("live-reload"))).click();
            waitIn(member3).until(ExpectedConditions.textToBePresentInElementLocated(By.id("guidance-heading"),
                    "read-only"));
            assertTrue(member3.findElements(By.id("balint-text")).isEmpty());
            Browser.assertAccessible(member3, "Balint session, closed");
            Browser.screenshot(member3, "balint-closed");
            member3.get(base.resolve("balint/index.xhtml").toString());
            Browser.assertAccessible(member3, "Balint groups");
            member3.findElement(By.cssSelector(".group-link")).click();
            Browser.assertAccessible(member3, "Balint group");
        } finally {
            for (ChromeDriver d : new ChromeDriver[] {leader, presenter, member1, member3}) {
                if (d != null) {
                    d.quit();
                }
            }
        }
    }
}
