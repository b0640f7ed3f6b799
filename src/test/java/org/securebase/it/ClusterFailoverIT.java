package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers behind nginx (started by {@code scripts/cluster}), one of them killed with {@code kill -9} while a
 * student types: the student stays signed in, no save the server confirmed is lost, the reflection submits, and a
 * tutor signed in before the kill accepts it afterwards. Before the kill, mail queued while the SMTP server was down
 * is sent by both servers' outboxes at once (their timers fire in the same second over the same rows); after it, by
 * the survivor: every message arrives exactly once. Grades too: a learner launched from the LTI test platform
 * submits while the platform refuses the first posts (both servers' outboxes retry the same row), an instructor
 * launched from it accepts after the kill, and the platform receives the completion and the grade once each. First,
 * with both servers up, a Balint change made on one server arrives live in a page open on the other. Runs only when {@code cluster.url} names the cluster (the {@code cluster} profile; scripts/test
 * runs it after the PostgreSQL pass): plain HTTP, the same JSON API the reflection editor's script uses.
 */
class ClusterFailoverIT {

    private static final String STUDENT = "student2@demo.securebase.org";
    private static final String TUTOR = "tutor@demo.securebase.org";
    private static final String CLASSMATE = "student3@demo.securebase.org";
    private static final String LEARNER = "learner-failover";
    /** Accounts asked a sign-in link for while the SMTP server is down. */
    private static final List<String> MAILED = List.of("student1@demo.securebase.org",
            "student3@demo.securebase.org", "student4@demo.securebase.org", "tutor2@demo.securebase.org",
            "admin@demo.securebase.org", "admin2@demo.securebase.org");
    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");
    private static final Pattern REFLECTION = Pattern.compile("\"reflection\":(\\d+)");

    private static URI base;
    private static Path dir;
    private static GreenMail smtp;
    private static TestPlatform platform;

    @BeforeAll
    static void cluster() {
        String url = System.getProperty("cluster.url", "");
        assumeTrue(!url.isBlank(), "no cluster.url: run scripts/cluster start, then the cluster profile");
        base = URI.create(url.endsWith("/") ? url : url + "/");
        dir = Path.of(System.getProperty("cluster.dir", "/tmp/securebase-cluster"));
        try {
            platform = new TestPlatform();
        } catch (Exception e) {
            throw new IllegalStateException("the LTI test platform", e);
        }
        platform.toolJwks(base + "api/lti/jwks");
    }

    @AfterAll
    static void stopMail() {
        if (smtp != null) {
            smtp.stop();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** One autosave as the editor's script sends it, and what came back. */
    private record Save(String text, long revision, long reflection, int status, String server, long at) {
    }

    @Test
    void aStudentTypesThroughTheLossOfAServerAndEveryMailGoesOnce() throws Exception {
        aBalintChangeOnOneServerArrivesLiveOnTheOther();

        // Mail first, with no SMTP server: two links for each person, each asked of whichever server nginx picks.
        askSignInLinks();
        askSignInLinks();
        Thread.sleep(6000);
        // The SMTP server comes up while both servers run: their outbox timers fire in the same second over the same
        // due rows, and each message must go exactly once.
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("cluster.smtp.port", 55509), "127.0.0.1", "smtp"));
        smtp.start();
        assertEveryQueuedMailArrivesOnce(2);

        // Grades: the school's learning platform is registered; a learner launched from it submits while the platform
        // refuses the first two posts (each server's outbox retries the same row), an instructor launched from it
        // accepts after the kill; the platform must receive each grade exactly once.
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        String lti = admin.get("admin/lti.xhtml").body();
        assertEquals(302, admin.postFaces("admin/lti.xhtml", lti, "platform", Map.of("platform:name", "Test Moodle",
                "platform:issuer", TestPlatform.ISSUER, "platform:client", platform.clientId(),
                "platform:deployments", TestPlatform.DEPLOYMENT, "platform:auth", platform.base() + "/auth",
                "platform:token", platform.base() + "/token", "platform:jwks", platform.base() + "/jwks",
                "platform:save", "")).statusCode(), "the platform registered");
        platform.nextUser(TestPlatform.learner(LEARNER, "Lou Failover"));
        WebClient learner = new WebClient(base);
        HttpResponse<String> landed = platform.launch(learner, base, LEARNER);
        assertEquals(302, landed.statusCode(), landed.body());
        assertEquals(200, learner.get(landed.headers().firstValue("Location").orElseThrow()).statusCode(),
                "the learner lands in the module");
        Matcher graded = REFLECTION.matcher(learner.putJson("api/modules/it-review/reflection/drafts/seeking",
                "{\"text\":\"To be told what happens next, and by whom.\",\"revision\":0}").body());
        assertTrue(graded.find());
        assertEquals(200, learner.putJson("api/modules/it-review/reflection/drafts/next-words",
                "{\"text\":\"I will say who calls her, and when.\",\"revision\":0}").statusCode());
        platform.failScores(2);
        assertEquals(200, learner.postJson("api/modules/it-review/reflection/submission", "{}").statusCode());
        platform.nextUser(TestPlatform.instructor("instructor-failover", "Ines Failover"));
        WebClient instructor = new WebClient(base);
        assertEquals(302, platform.launch(instructor, base, "instructor-failover").statusCode());

        WebClient student = new WebClient(base).signIn(STUDENT);
        String studentServer = server(student.get("student/module.xhtml?module=it-review"));
        // Another student's reflection, submitted before the kill; the tutor opens its review page (a Faces view)
        // on the server the student uses, the one that will be killed.
        WebClient classmate = new WebClient(base).signIn(CLASSMATE);
        classmate.get("student/module.xhtml?module=it-review");
        Matcher earlier = REFLECTION.matcher(classmate.putJson("api/modules/it-review/reflection/drafts/seeking",
                "{\"text\":\"Reassurance, mostly, and to be believed.\",\"revision\":0}").body());
        assertTrue(earlier.find());
        assertEquals(200, classmate.putJson("api/modules/it-review/reflection/drafts/next-words",
                "{\"text\":\"I am here, and I will come back to it.\",\"revision\":0}").statusCode());
        assertEquals(200, classmate.postJson("api/modules/it-review/reflection/submission", "{}").statusCode());
        String openedPath = "tutor/review.xhtml?id=" + earlier.group(1);
        WebClient tutor = null;
        HttpResponse<String> opened = null;
        for (int i = 0; i < 12 && (opened == null || !server(opened).equals(studentServer)); i++) {
            tutor = new WebClient(base).signIn(TUTOR);
            opened = tutor.get(openedPath);
        }
        assertEquals(200, opened.statusCode());
        String tutorServer = server(opened);
        assertEquals(studentServer, tutorServer, "the tutor's review page is on the student's server");

        List<Save> saves = new ArrayList<>();
        StringBuilder text = new StringBuilder("What I was looking for:");
        long revision = 0;
        long reflection = 0;
        long started = System.currentTimeMillis();
        long killedAt = 0;
        String killed = null;
        int word = 0;
        // Typing: a save every 100 ms (the script saves after a pause in typing), the whole text each time, with
        // the revision last confirmed. A save that fails is tried again with the newer text, as the script does.
        while (System.currentTimeMillis() - started < 14_000) {
            text.append(" word").append(++word);
            Save save = save(student, text.toString(), revision);
            saves.add(save);
            if (save.status() == 200) {
                assertTrue(save.revision() > revision, "each confirmed save a newer revision: " + save);
                revision = save.revision();
            } else {
                assertFalse(save.status() == 401 || save.status() == 403, "signed out at save " + save);
                assertFalse(save.status() == 409, "a confirmed save was overtaken: " + save);
            }
            if (save.status() == 200) {
                assertTrue(reflection == 0 || reflection == save.reflection(), "one reflection: " + save);
                reflection = save.reflection();
            }
            if (killed == null && System.currentTimeMillis() - started > 4_000 && save.status() == 200) {
                killed = save.server();
                killedAt = System.currentTimeMillis();
                ProcessHandle.of(pid(killed)).orElseThrow().destroyForcibly();
                System.out.println("cluster: killed the student's server " + killed + " (kill -9) at save #"
                        + saves.size());
            }
            Thread.sleep(100);
        }
        assertEquals(tutorServer, killed, "the student's server, where the tutor's page is, was killed");
        Save lastConfirmed = saves.stream().filter(s -> s.status() == 200).reduce((a, b) -> b).orElseThrow();
        long afterKill = killedAt;
        List<Save> failed = saves.stream().filter(s -> s.status() != 200).toList();
        Save firstAfter = saves.stream().filter(s -> s.at() > afterKill && s.status() == 200).findFirst()
                .orElseThrow(() -> new AssertionError("no save was confirmed after the kill"));
        System.out.println("cluster: " + saves.size() + " saves, " + failed.size() + " not confirmed " + failed
                + "; first confirmed save after the kill " + (firstAfter.at() - killedAt) + " ms later, by "
                + firstAfter.server() + "; the tutor's server " + tutorServer);
        assertFalse(firstAfter.server().equals(killed), "served by the other server");
        assertEquals(200, student.get("student/module.xhtml?module=it-review").statusCode(),
                "the student is still signed in");

        assertEquals(200, student.putJson("api/modules/it-review/reflection/drafts/next-words",
                "{\"text\":\"Ask what frightens her most.\",\"revision\":0}").statusCode());
        HttpResponse<String> submitted = student.postJson("api/modules/it-review/reflection/submission", "{}");
        assertEquals(200, submitted.statusCode(), submitted.body());
        String read = student.get("api/reflections/" + reflection).body();
        assertTrue(read.contains(WebClient.json(lastConfirmed.text())),
                "the submitted text is the last confirmed save (" + lastConfirmed.text().length() + " chars): "
                        + read);

        // The tutor signed in before the kill decides on the page opened before it, on the server now dead.
        HttpResponse<String> decided = tutor.postFaces(openedPath, opened.body(), "decision", Map.of(
                "decision:level", "reflection", "decision:overall", "Warm, and brief.", "decision:accept", ""));
        System.out.println("cluster: the tutor's decision on a review page opened before the kill on " + tutorServer
                + ": HTTP " + decided.statusCode() + " from " + server(decided));
        assertEquals(302, decided.statusCode(), "accepted on the page opened before the kill: " + decided.body());
        assertTrue(classmate.get("api/reflections/" + earlier.group(1)).body().contains("\"status\":\"ACCEPTED\""));

        // And the reflection typed through the kill, on a page opened now.
        String path = "tutor/review.xhtml?id=" + reflection;
        HttpResponse<String> review = tutor.get(path);
        assertEquals(200, review.statusCode(), "the tutor is still signed in");
        HttpResponse<String> accepted = tutor.postFaces(path, review.body(), "decision", Map.of("decision:level",
                "reflection", "decision:overall", "Careful and clear.", "decision:accept", ""));
        assertEquals(302, accepted.statusCode(), "accepted: " + accepted.body());
        assertTrue(student.get("api/reflections/" + reflection).body().contains("\"status\":\"ACCEPTED\""));

        // After the kill, the surviving server sends what is asked now, once too.
        askSignInLinks();
        assertEveryQueuedMailArrivesOnce(3);

        // The instructor accepts the learner's work on the survivor; the platform has each grade once.
        String graderPath = "tutor/review.xhtml?id=" + graded.group(1);
        HttpResponse<String> toGrade = instructor.get(graderPath);
        assertEquals(200, toGrade.statusCode(), "the instructor is still signed in");
        assertEquals(302, instructor.postFaces(graderPath, toGrade.body(), "decision", Map.of("decision:level",
                "reflection", "decision:overall", "Clear.", "decision:accept", "")).statusCode());
        String submittedScore = "\"activityProgress\":\"Submitted\"";
        String fullyGraded = "\"gradingProgress\":\"FullyGraded\"";
        for (int i = 0; i < 600 && (scores(submittedScore) < 1 || scores(fullyGraded) < 1); i++) {
            Thread.sleep(100);
        }
        // Two more rounds of the surviving outbox: nothing goes again.
        Thread.sleep(11_000);
        System.out.println("cluster: the platform refused " + platform.refusedScores.get() + " score post(s) and "
                + "received " + platform.scores.stream().filter(x -> x.contains(LEARNER)).count() + " for the learner");
        assertTrue(platform.refusedScores.get() >= 2, "the first two posts were refused, and retried");
        assertEquals(1, scores(submittedScore), "the completion arrived once: " + platform.scores);
        assertEquals(1, scores(fullyGraded), "the grade arrived once: " + platform.scores);
    }

    /** How many score posts the platform received for the learner that contain {@code fragment}. */
    private static long scores(String fragment) {
        return platform.scores.stream()
                .filter(x -> x.contains("\"userId\":\"" + LEARNER + "\"") && x.contains(fragment))
                .count();
    }

    private static void askSignInLinks() {
        for (String person : MAILED) {
            WebClient someone = new WebClient(base);
            String login = someone.get("login.xhtml?link=1").body();
            HttpResponse<String> sent = someone.postFaces("login.xhtml", login, "link",
                    Map.of("link:link-email", person, "link:send", ""));
            assertTrue(sent.body().contains("a sign-in link is on its way"), person + ": " + sent.statusCode());
        }
    }

    /** Each person's sign-in links in the outbox ({@code each} per person) arrive, and each exactly once. */
    private static void assertEveryQueuedMailArrivesOnce(int each) throws Exception {
        Map<String, Integer> queued = queuedSignInLinks();
        Map<String, Integer> expected = new TreeMap<>();
        MAILED.forEach(person -> expected.put(person, each));
        assertEquals(expected, queued, "sign-in links queued");
        Map<String, Integer> received = received();
        for (int i = 0; i < 600 && !received.equals(expected); i++) {
            Thread.sleep(100);
            received = received();
        }
        // Two more rounds of both outboxes: nothing goes again.
        Thread.sleep(11_000);
        received = received();
        System.out.println("cluster: sign-in links queued " + queued + ", received " + received);
        assertEquals(expected, received, "every queued mail arrives, once");
    }

    private static Save save(WebClient student, String text, long revision) {
        try {
            HttpResponse<String> r = student.putJson("api/modules/it-review/reflection/drafts/seeking",
                    "{\"text\":" + WebClient.json(text) + ",\"revision\":" + revision + "}");
            Matcher m = REVISION.matcher(r.body());
            Matcher id = REFLECTION.matcher(r.body());
            boolean ok = r.statusCode() == 200 && m.find() && id.find();
            return new Save(text, ok ? Long.parseLong(m.group(1)) : revision, ok ? Long.parseLong(id.group(1)) : 0,
                    r.statusCode(), server(r), System.currentTimeMillis());
        } catch (RuntimeException e) {
            return new Save(text, revision, 0, -1, e.getClass().getSimpleName(), System.currentTimeMillis());
        }
    }

    /**
     * A Balint session's page open on one server hears of a change made on the other (Payara's clustered CDI
     * events): the leader, signed in on server 1, follows a new session there over its live channel, and names its
     * presenter on server 2, which reads the leader's session from the cluster.
     */
    private static void aBalintChangeOnOneServerArrivesLiveOnTheOther() throws Exception {
        URI one = URI.create("http://127.0.0.1:18091/");
        URI two = URI.create("http://127.0.0.1:18092/");
        WebClient leader = new WebClient(one).signIn(TUTOR);
        Matcher group = Pattern.compile("group\\.xhtml\\?id=(\\d+)\"[^>]*>Year 3 Balint group")
                .matcher(leader.get("balint/index.xhtml").body());
        assertTrue(group.find(), "the demo Balint group");
        String groupPath = "balint/group.xhtml?id=" + group.group(1);
        Pattern sessionLink = Pattern.compile("session\\.xhtml\\?id=(\\d+)\"");
        String page = leader.get(groupPath).body();
        List<String> before = sessionLink.matcher(page).results().map(m -> m.group(1)).toList();
        String opens = LocalDateTime.now().minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString();
        assertEquals(302, leader.postFaces(groupPath, page, "schedule", Map.of("schedule:first", opens,
                "schedule:days", "7", "schedule:count", "1", "schedule:every", "14", "schedule:add", ""))
                .statusCode(), "a session scheduled");
        List<String> after = new ArrayList<>(sessionLink.matcher(leader.get(groupPath).body()).results()
                .map(m -> m.group(1)).toList());
        after.removeAll(before);
        assertEquals(1, after.size(), "one new session");
        String session = after.get(0);

        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", leader.cookieHeader())
                .header("Origin", base.toString().replaceAll("/$", ""))
                .buildAsync(URI.create("ws://127.0.0.1:18091/balint/live/" + session), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        heard.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        try {
            WebClient there = leader.at(two);
            String path = "balint/session.xhtml?id=" + session;
            String sessionPage = there.get(path).body();
            Matcher option = Pattern.compile("<option value=\"(\\d+)\"").matcher(sessionPage);
            assertTrue(option.find(), "a member to present, on server 2: " + sessionPage);
            assertEquals(302, there.postFaces(path, sessionPage, "presenter",
                    Map.of("presenter:who", option.group(1), "presenter:set", "")).statusCode(),
                    "the presenter named on server 2");
            String news = heard.poll(15, TimeUnit.SECONDS);
            System.out.println("cluster: a presenter named on server 2; the live page on server 1 heard " + news);
            assertEquals("{\"type\":\"presenter\"}", news, "the change arrives on the other server");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** The server that answered, as the local nginx reports it (the last one it tried). */
    private static String server(HttpResponse<String> r) {
        String upstream = r.headers().firstValue("X-Upstream").orElse("?");
        String[] tried = upstream.split(",\\s*");
        return tried[tried.length - 1];
    }

    private static long pid(String server) {
        String n = server.endsWith(":18091") ? "1" : server.endsWith(":18092") ? "2" : null;
        if (n == null) {
            throw new AssertionError("not one of the cluster's servers: " + server);
        }
        try {
            return Long.parseLong(Files.readString(dir.resolve("node" + n + ".pid")).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> received() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains("sign-in link")) {
                for (Address to : m.getAllRecipients()) {
                    counts.merge(to.toString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The sign-in links in the cluster's mail outbox, per recipient (every row, whatever its state). */
    private static Map<String, Integer> queuedSignInLinks() throws Exception {
        String port = Files.readString(dir.resolve("pg.port")).strip();
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/securebase",
                "postgres", "unused");
                PreparedStatement q = db.prepareStatement("select recipient, count(*) from mail_message "
                        + "where subject like '%sign-in link%' group by recipient");
                ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
