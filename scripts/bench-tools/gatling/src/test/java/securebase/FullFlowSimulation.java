package securebase;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The whole flow under load, as issue 16 asks: students ramped in, each signs in through the Faces login form,
 * opens the curriculum, reads a case stage by stage answering each stage's question, types a reflection with an
 * autosave every 1.5 s for two minutes and submits it; meanwhile tutors work their review queue and accept what
 * arrives. Every request type is named, so Gatling reports p50/p95/p99 and failures per type.
 *
 * <p>Environment: BASE_URL (default http://localhost:18080; point it at any server, e.g. a cluster's balancer),
 * STUDENTS (100), RAMP_SECONDS (40), TYPING_SECONDS (120), TUTORS (5), MODULE (the-racing-heart). The students
 * are bench-student1..N and the tutors bench-tutor1..5 that DemoData creates with DEMO_BENCH_STUDENTS=N; student
 * i is in tutor ((i - 1) % 5 + 1)'s cohort.
 *
 * <p>For the failover half (scripts/bench ONLY=failover: two servers, one killed halfway), people behave as people do
 * when a page fails: they reload (a failed step is tried again a second later, three times at most) and their next
 * autosave carries the newer text. After submitting, each student reads the submission back and prints a
 * SAVE-CHECK line: every save the server confirmed must be in it (or replaced by a later save of the same answer).
 * Failed requests are logged with their time to target/failed-requests.log (see logback-test.xml), so that
 * scripts/bench can say when the errors happened.
 */
public class FullFlowSimulation extends Simulation {

    static final String BASE_URL = env("BASE_URL", "http://localhost:18080");
    static final int STUDENTS = Integer.parseInt(env("STUDENTS", "100"));
    static final int RAMP = Integer.parseInt(env("RAMP_SECONDS", "40"));
    static final int TYPING = Integer.parseInt(env("TYPING_SECONDS", "120"));
    static final int TUTORS = Integer.parseInt(env("TUTORS", "5"));
    static final String MODULE = env("MODULE", "the-racing-heart");
    static final String PASSWORD = "Secure-Base-2026";
    static final long SAVE_EVERY_MS = 1500;
    static final int SAVES = (int) (TYPING * 1000L / SAVE_EVERY_MS);
    static final String CASE = "/student/module.xhtml?module=" + MODULE;
    static final String API = "/api/modules/" + MODULE + "/reflection";
    static final String WORDS = "I notice that I want to reassure her and end the consultation quickly, and I wonder "
            + "what she expects of carers when her own doctor is away. ";

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptHeader("text/html,application/json")
            .acceptLanguageHeader("en").acceptEncodingHeader("gzip").userAgentHeader("securebase-bench");

    /** Each virtual user is one person: bench-student1, 2, ... in turn (a queue: none is used twice). */
    static Iterator<Map<String, Object>> people(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> Map.<String, Object>of("email", prefix + i + "@demo.securebase.org")).iterator();
    }

    /**
     * A form's fields as the page holds them (hidden view state, nonce, the form's own marker), without any
     * button: the request names the one button pressed, as a browser does.
     */
    static Function<Session, Map<String, Object>> fields(String key) {
        return session -> {
            Map<String, Object> form = new HashMap<>(session.<Map<String, Object>>get(key));
            form.keySet().removeIf(name -> name.matches(".*:(check|nextStage|accept|return|add)$"));
            return form;
        };
    }

    /** Signs in through the login page's Faces form (its view state and the PrimeFaces nonce come from the page). */
    static ChainBuilder signIn(String who) {
        return exec(http("login page").get("/login.xhtml").check(status().is(200),
                css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"),
                regex("nonce=\"([^\"]+)\"").saveAs("nonce")))
                .exec(http("sign in").post("/login.xhtml").formParam("login", "login")
                        .formParam("login:email", who).formParam("login:password", PASSWORD)
                        .formParam("login:submit", "").formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .check(status().is(200), currentLocationRegex("/(student|tutor)/").saveAs("signedIn")));
    }

    /**
     * Runs a step again, a second later, while the mark it leaves is missing, three times at most: a person whose
     * page failed (a timeout, the server that held it lost) reloads and carries on, as people do. Every failed
     * attempt still counts as an error in the figures.
     */
    static ChainBuilder retried(String mark, ChainBuilder step) {
        String tries = "tries-" + mark;
        return exec(session -> session.remove(mark).set(tries, 0))
                .asLongAs(session -> !session.contains(mark) && session.getInt(tries) < 3).on(
                        exec(session -> session.set(tries, session.getInt(tries) + 1))
                                .doIf(session -> session.getInt(tries) > 1).then(pause(Duration.ofSeconds(1)))
                                .exec(step));
    }

    /**
     * What the case page shows, remembered for the next step: an open stage question (its form), the button to the
     * next stage, or (once the case is read) the reflection's prompts. A form's post redirects to the page, so
     * these checks apply to the page a browser lands on.
     */
    static final CheckBuilder[] CASE_PAGE = {status().is(200),
        regex("<form id=\"([^\"]+:q)\"").optional().saveAs("question"),
        form("form[id$=':q']").optional().saveAs("questionForm"),
        regex("<form id=\"([^\"]+:next)\"").optional().saveAs("nextForm"),
        form("form[id$=':next']").optional().saveAs("nextFields"),
        regex("data-prompt=\"([^\"]+)\"").findAll().optional().saveAs("prompts")};

    /** Moves what the last page showed aside, so that this page's checks say afresh what is open. */
    static Session seen(Session session) {
        Session next = session.removeAll("question", "questionForm", "nextForm", "nextFields", "prompts");
        for (String key : List.of("question", "questionForm", "nextForm", "nextFields")) {
            if (session.contains(key)) {
                next = next.set("last-" + key, session.get(key));
            }
        }
        return next;
    }

    /** Stage by stage: answer the open question (the first option), then go on, until the case is read. */
    static final ChainBuilder READ_CASE = exec(http("case page").get(CASE).check(CASE_PAGE))
            .asLongAs(session -> session.contains("question") || session.contains("nextForm")).on(
                    exec(FullFlowSimulation::seen).pause(Duration.ofSeconds(2))
                            .doIfOrElse(session -> session.contains("last-question")).then(
                                    exec(http("answer").post(CASE).formParamMap(fields("last-questionForm"))
                                            .formParam("#{last-question}:option", "0")
                                            .formParam("#{last-question}:check", "")
                                            .check(CASE_PAGE).check(css("div.feedback").exists())))
                            .orElse(exec(http("next stage").post(CASE).formParamMap(fields("last-nextFields"))
                                    .formParam("#{last-nextForm}:nextStage", "").check(CASE_PAGE)))
                            .exec(session -> session.removeAll("last-question", "last-questionForm",
                                    "last-nextForm", "last-nextFields")));

    /**
     * Types the reflection: a save every 1.5 s for the typing time, the prompts in turn (a third of the time each),
     * the text growing as it is typed; each save names the revision the last answered one returned, as the page
     * does. A save that fails is not retried at once: the next one carries the newer text. A conflict (409: the
     * server holds a newer revision, as when a save went through on a server that died before it could answer) is
     * answered as the student would, by keeping their own text ("keep mine"): the next save names the server's
     * revision. What the server confirmed is remembered, to be checked against what was submitted.
     */
    static final ChainBuilder WRITE = exec(session -> session.set("revisions", new HashMap<String, Long>())
            .set("confirmed", new HashMap<String, String>()).set("sentSince", new HashMap<String, List<String>>())
            .set("conflicts", 0).set("confirmedSaves", 0))
            .repeat(SAVES, "save").on(exec(session -> {
                List<String> prompts = session.getList("prompts");
                int i = session.getInt("save");
                String prompt = prompts.get(Math.min(prompts.size() - 1, i * prompts.size() / SAVES));
                Map<String, Long> revisions = session.get("revisions");
                int typed = 1 + i % Math.max(1, SAVES / prompts.size());
                String text = WORDS.repeat(2 + typed / 4) + "(" + typed + ")";
                return session.removeAll("saveStatus", "revision", "reason").set("prompt", prompt).set("text", text)
                        .set("draft", "{\"text\":\"" + text + "\",\"revision\":"
                                + revisions.getOrDefault(prompt, 0L) + "}");
            }).exec(http("autosave").put(API + "/drafts/#{prompt}").body(StringBody("#{draft}")).asJson()
                    .check(status().in(200, 409).saveAs("saveStatus"),
                            jsonPath("$.revision").ofLong().optional().saveAs("revision"),
                            jsonPath("$.reflection").ofLong().optional().saveAs("reflectionId"),
                            jsonPath("$.reason").optional().saveAs("reason")))
                    .exec(FullFlowSimulation::answered).pause(Duration.ofMillis(SAVE_EVERY_MS)));

    /** What one save's answer means for the next save and for the check after submitting. */
    static Session answered(Session session) {
        String prompt = session.getString("prompt");
        String text = session.getString("text");
        int status = session.contains("saveStatus") ? session.getInt("saveStatus") : 0;
        Map<String, Long> revisions = new HashMap<>(session.<Map<String, Long>>get("revisions"));
        Map<String, String> confirmed = new HashMap<>(session.<Map<String, String>>get("confirmed"));
        Map<String, List<String>> sentSince = new HashMap<>(session.<Map<String, List<String>>>get("sentSince"));
        Session next = session;
        if (status == 200) {
            revisions.put(prompt, session.getLong("revision"));
            confirmed.put(prompt, text);
            sentSince.put(prompt, List.of());
            next = next.set("confirmedSaves", session.getInt("confirmedSaves") + 1);
        } else {
            // Not confirmed: the server may or may not hold it; a later read may find it.
            List<String> sent = new java.util.ArrayList<>(sentSince.getOrDefault(prompt, List.of()));
            sent.add(text);
            sentSince.put(prompt, sent);
            if (status == 409 && "conflict".equals(session.getString("reason")) && session.contains("revision")) {
                revisions.put(prompt, session.getLong("revision"));
                next = next.set("conflicts", session.getInt("conflicts") + 1);
            }
        }
        return next.set("revisions", revisions).set("confirmed", confirmed).set("sentSince", sentSince);
    }

    /**
     * After submitting: every text the server confirmed is in the submitted version, unless a later save of the
     * same answer (confirmed or not) replaced it. Anything else is a lost save. One line a student, for
     * scripts/bench to add up.
     */
    static Session savesKept(Session session) {
        Map<String, String> confirmed = session.get("confirmed");
        Map<String, List<String>> sentSince = session.get("sentSince");
        Map<String, Object> answers = session.contains("answers") ? session.get("answers") : Map.of();
        int lost = 0;
        for (Map.Entry<String, String> entry : confirmed.entrySet()) {
            Object stored = answers.get(entry.getKey());
            if (!entry.getValue().equals(stored)
                    && !sentSince.getOrDefault(entry.getKey(), List.of()).contains(stored)) {
                lost++;
            }
        }
        System.out.println("SAVE-CHECK " + session.getString("email") + " submitted="
                + session.contains("answers") + " confirmed=" + session.getInt("confirmedSaves") + " lost=" + lost
                + " conflicts=" + session.getInt("conflicts"));
        return session;
    }

    ScenarioBuilder students = scenario("students")
            .feed(people("bench-student", STUDENTS))
            .exec(retried("signedIn", signIn("#{email}")))
            .doIf(session -> !session.contains("signedIn")).then(exec(session -> session.markAsFailed()).exitHere())
            .exec(retried("curriculumSeen", exec(http("curriculum").get("/student/index.xhtml")
                    .check(status().is(200), substring("module=" + MODULE).saveAs("curriculumSeen")))))
            .pause(Duration.ofSeconds(2))
            .exec(retried("prompts", READ_CASE))
            .doIf(session -> !session.contains("prompts")).then(exec(session -> session.markAsFailed()).exitHere())
            .exec(WRITE)
            .exec(retried("submitted", exec(http("submit").post(API + "/submission").body(StringBody("{}")).asJson()
                    .check(status().is(200), jsonPath("$.version").saveAs("submitted")))))
            .doIf(session -> session.contains("submitted") && session.contains("reflectionId")).then(
                    exec(http("reflection read back").get("/api/reflections/#{reflectionId}")
                            .check(status().is(200), jmesPath("versions[-1].answers").ofMap().saveAs("answers"))))
            .exec(FullFlowSimulation::savesKept)
            .exec(http("case page after submitting").get(CASE).check(status().is(200)));

    /** How long tutors keep working: until the last student can have submitted, and a minute to spare. */
    static final Duration TUTOR_SHIFT = Duration.ofSeconds(RAMP + TYPING + 120L);
    static final int PER_TUTOR = (STUDENTS + TUTORS - 1) / TUTORS;

    ScenarioBuilder tutors = scenario("tutors")
            .feed(people("bench-tutor", TUTORS)).exec(session -> session.set("accepted", 0))
            .exec(retried("signedIn", signIn("#{email}")))
            .asLongAsDuring(session -> session.getInt("accepted") < PER_TUTOR, TUTOR_SHIFT).on(
                    exec(session -> session.removeAll("reviewId", "decision", "level"))
                            .exec(http("review queue").get("/tutor/index.xhtml").check(status().is(200),
                                    // the oldest row that says "awaiting review" (its status badge), as a tutor reads the queue
                                    regex("(?s)data-reflection=\"(\\d+)\">(?:(?!</tr>).)*?status-submitted").optional()
                                            .saveAs("reviewId"),
                                    bodyString().saveAs("queueHtml")))
                            .doIfOrElse(session -> session.contains("reviewId")).then(
                                    exec(http("review page").get("/tutor/review.xhtml?id=#{reviewId}")
                                            .check(status().is(200), bodyString().saveAs("reviewHtml"),
                                                    form("form[id='decision']").saveAs("decision"),
                                                    regex("name=\"decision:level\"[^>]*value=\"([^\"]+)\"")
                                                            .saveAs("level")))
                                            .exec(session -> {
                                                if (!session.contains("decision")
                                                        && System.getenv("DEBUG_REVIEW") != null) {
                                                    System.out.println("REVIEW-PAGE-WITHOUT-FORM "
                                                            + session.getString("reviewId") + "\n"
                                                            + session.getString("queueHtml")
                                                                    .replaceAll("(?s).*<main", "<main")
                                                                    .replaceAll("(?s)</main>.*", ""));
                                                }
                                                return session.remove("reviewHtml");
                                            })
                                            .pause(Duration.ofSeconds(3))
                                            .doIf(session -> session.contains("decision"))
                                            .then(exec(http("accept").post("/tutor/review.xhtml?id=#{reviewId}")
                                                    .formParamMap(fields("decision"))
                                                    .formParam("decision:level", "#{level}")
                                                    .formParam("decision:overall", "Thoughtful and honest; well done.")
                                                    .formParam("decision:accept", "")
                                                    .check(status().is(200),
                                                            currentLocationRegex("/tutor/index\\.xhtml").exists()))
                                                    .exec(session -> session.set("accepted",
                                                            session.getInt("accepted") + 1))))
                            .orElse(pause(Duration.ofSeconds(5))));

    {
        setUp(students.injectOpen(rampUsers(STUDENTS).during(Duration.ofSeconds(RAMP))),
                tutors.injectOpen(atOnceUsers(TUTORS))).protocols(protocol);
    }
}
