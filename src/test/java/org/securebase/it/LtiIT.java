package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LTI 1.3 end to end against {@link TestPlatform}, a platform with its own keys on a real HTTP port: the
 * school's administrator registers it in the UI; launches go through OIDC login initiation, the platform's
 * authorization endpoint and the id_token form post; every way the token can be wrong is refused with a page
 * that says which.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LtiIT {

    private static final Pattern FORM = Pattern.compile("action=\"([^\"]+)\".*name=\"id_token\" value=\"([^\"]+)\""
            + ".*name=\"state\" value=\"([^\"]+)\"", Pattern.DOTALL);
    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    private static TestPlatform platform;
    private static boolean registered;

    @ArquillianResource
    private URL url;

    private URI base;

    /** The LRS the application is configured to send xAPI statements to (port 18089, see the pom). */
    private static TestLrs lrs;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new TestPlatform();
        lrs = new TestLrs(18089);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
        lrs.close();
    }

    /** The statements the LRS holds, as JSON text, waiting until one contains every fragment. */
    private static String awaitStatement(String... fragments) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:18089/xAPI/statements?limit=1000")).header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", "Basic dGVzdDp0ZXN0").GET().build();
        String body = "";
        for (int i = 0; i < 300; i++) {
            body = PLAIN.send(request, HttpResponse.BodyHandlers.ofString()).body();
            // One piece per statement: each begins {"id": right after the previous one's closing brace.
            for (String statement : body.split("\\},\\{\"id\":")) {
                if (Arrays.stream(fragments).allMatch(statement::contains)) {
                    return statement;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no statement with " + Arrays.toString(fragments) + " in " + body);
    }

    /** The demo school's administrator registers the platform through the page, once per run. */
    @BeforeEach
    void setUp() throws Exception {
        base = url.toURI();
        if (registered) {
            return;
        }
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        String page = admin.get("admin/lti.xhtml").body();
        assertTrue(page.contains("/lti/login") && page.contains("/api/lti/jwks"), "what to paste into the LMS");
        register(admin, "Test Moodle", platform);
        registered = true;
    }

    private static void register(WebClient admin, String name, TestPlatform platform) {
        String page = admin.get("admin/lti.xhtml").body();
        HttpResponse<String> saved = admin.postFaces("admin/lti.xhtml", page, "platform", Map.of(
                "platform:name", name, "platform:issuer", TestPlatform.ISSUER,
                "platform:client", platform.clientId(), "platform:deployments", TestPlatform.DEPLOYMENT,
                "platform:auth", platform.base() + "/auth", "platform:token", platform.base() + "/token",
                "platform:jwks", platform.base() + "/jwks", "platform:save", ""));
        assertEquals(302, saved.statusCode(), saved.body());
    }

    private static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    /**
     * Eastbridge's administrator registers the issuer Northgate's platform uses, with keys and a client id of
     * her own, and signs a token for the subject of a Northgate administrator that claims only a learner: she
     * gets an Eastbridge learner, never Northgate's administrator (issue 10, finding 1).
     */
    @Test
    void anotherSchoolRegisteringTheSameIssuerNeverReachesThisSchoolsAccounts() throws Exception {
        platform.nextUser(Map.of("sub", "staff-admin-1", "name", "Nora Northgate", "roles", List.of(ADMINISTRATOR)));
        WebClient northgate = new WebClient(base);
        HttpResponse<String> first = post(northgate, login(northgate, "staff-admin-1"));
        assertTrue(first.headers().firstValue("Location").orElseThrow().endsWith("/admin/index.xhtml"));
        assertEquals(200, northgate.get("admin/index.xhtml").statusCode());

        try (TestPlatform eastbridge = new TestPlatform("eastbridge-client")) {
            WebClient admin2 = new WebClient(base).signIn("admin2@demo.securebase.org");
            register(admin2, "Eastbridge Moodle", eastbridge);
            eastbridge.nextUser(Map.of("sub", "staff-admin-1", "name", "Nora Northgate", "roles", List.of(LEARNER)));
            WebClient attacker = new WebClient(base);
            HttpResponse<String> landed = post(attacker, login(attacker, "staff-admin-1", eastbridge));
            assertEquals(302, landed.statusCode(), landed.body());
            assertTrue(
                    landed.headers().firstValue("Location").orElseThrow()
                            .endsWith("/student/module.xhtml?module=it-review"),
                    "an Eastbridge learner, not Northgate's administrator");
            assertEquals(403, attacker.get("admin/index.xhtml").statusCode());
            assertEquals(403, attacker.get("admin/audit.xhtml").statusCode());
            assertTrue(admin2.get("admin/lti.xhtml").body().contains("separate registration"),
                    "the page says what registering a shared issuer means");

            // Northgate's administrator is still Northgate's, reached only through Northgate's registration.
            WebClient again = new WebClient(base);
            platform.nextUser(
                    Map.of("sub", "staff-admin-1", "name", "Nora Northgate", "roles", List.of(ADMINISTRATOR)));
            assertTrue(post(again, login(again, "staff-admin-1")).headers().firstValue("Location").orElseThrow()
                    .endsWith("/admin/index.xhtml"));
            assertTrue(again.get("admin/index.xhtml").body().contains("LTI course 101"), "Northgate's cohorts");
        }
    }

    /** A token may not raise the role an account has here; the launch says so and changes nothing. */
    @Test
    void aLaunchCannotRaiseTheRoleTheSchoolGave() throws Exception {
        platform.nextUser(TestPlatform.learner("learner-raise", "Rae Raise"));
        WebClient first = new WebClient(base);
        assertEquals(302, post(first, login(first, "learner-raise")).statusCode());
        platform.nextUser(Map.of("sub", "learner-raise", "name", "Rae Raise", "roles", List.of(ADMINISTRATOR)));
        WebClient raised = new WebClient(base);
        assertRefused(post(raised, login(raised, "learner-raise")), "CONFLICT");
        assertEquals(401, raised.get("api/me/session").statusCode(), "not signed in");
        assertTrue(first.get("student/index.xhtml").body().contains("Rae Raise"), "still a student");
    }

    /** Accounts first made while the platform shared no names take the name it sends later (issue 10, §5). */
    @Test
    void aLaunchUpdatesTheNameAndAddressThePlatformNowSends() throws Exception {
        platform.nextUser(Map.of("sub", "learner-unnamed", "name", "4", "roles", List.of(LEARNER)));
        WebClient first = new WebClient(base);
        assertEquals(302, post(first, login(first, "learner-unnamed")).statusCode());
        assertTrue(first.get("student/index.xhtml").body().contains("class=\"signed-in\">4<"));
        platform.nextUser(Map.of("sub", "learner-unnamed", "name", "Rita Renamed", "email", "rita@lms.invalid",
                "roles", List.of(LEARNER)));
        WebClient second = new WebClient(base);
        assertEquals(302, post(second, login(second, "learner-unnamed")).statusCode());
        assertTrue(second.get("student/index.xhtml").body().contains("Rita Renamed"));
        assertTrue(first.get("student/index.xhtml").body().contains("Rita Renamed"), "the same account");
    }

    /**
     * One school's platforms may frame that school's pages only: not another school's, and not the pages of
     * someone not signed in (issue 10, finding 2).
     */
    @Test
    void onlyTheSchoolsOwnPlatformsMayFrameItsPages() {
        String ours = platform.base();
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        String own = String.join(" ", admin.get("admin/index.xhtml").headers().allValues("Content-Security-Policy"));
        assertTrue(own.matches("(?s).*frame-ancestors 'self'[^;]* " + Pattern.quote(ours) + ".*"), own);
        WebClient other = new WebClient(base).signIn("admin2@demo.securebase.org");
        String theirs = String.join(" ", other.get("admin/index.xhtml").headers().allValues("Content-Security-Policy"));
        assertTrue(theirs.contains("frame-ancestors 'self'") && !theirs.contains(ours + " ") && !theirs.endsWith(ours)
                && !theirs.contains(ours + ";"), theirs);
        HttpResponse<String> anonymous = new WebClient(base).get("login.xhtml");
        String open = String.join(" ", anonymous.headers().allValues("Content-Security-Policy"));
        assertTrue(open.contains("frame-ancestors 'self'") && !open.contains(ours), open);
        assertEquals("SAMEORIGIN", anonymous.headers().firstValue("X-Frame-Options").orElse(""));
    }

    /** The platform's answer to the tool's redirect: where to post, the id_token and the state. */
    private record Post(String action, String idToken, String state) {
    }

    private Post login(WebClient browser, String loginHint) throws Exception {
        return login(browser, loginHint, platform);
    }

    /** The login initiation and the platform's answer, through one registration of the issuer (its client id). */
    private Post login(WebClient browser, String loginHint, TestPlatform platform) throws Exception {
        HttpResponse<String> initiation = browser.get("lti/login?iss=" + enc(TestPlatform.ISSUER) + "&login_hint="
                + enc(loginHint) + "&client_id=" + enc(platform.clientId()) + "&target_link_uri="
                + enc(base + "student/module.xhtml?m=it-review"));
        assertEquals(302, initiation.statusCode(), initiation.body());
        String location = initiation.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(platform.base() + "/auth?"), location);
        Map<String, String> query = TestPlatform.query(URI.create(location).getRawQuery());
        assertEquals("id_token", query.get("response_type"));
        assertEquals("form_post", query.get("response_mode"));
        assertEquals(platform.clientId(), query.get("client_id"));
        assertTrue(query.get("redirect_uri").endsWith("/lti/launch"));
        String html = PLAIN.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = FORM.matcher(html);
        assertTrue(m.find(), html);
        return new Post(m.group(1), m.group(2), m.group(3));
    }

    private static HttpResponse<String> post(WebClient browser, Post post) {
        return browser.postForm(post.action(), Map.of("id_token", post.idToken(), "state", post.state()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), reason);
        assertTrue(response.body().contains("data-reason=\"" + reason + "\""), reason + " in " + response.body());
        assertFalse(Pattern.compile("at [\\w.$]+\\([\\w$]+\\.java:\\d+\\)|Caused by:").matcher(response.body())
                .find(), "no stack trace");
    }

    @Test
    void aLearnersLaunchCreatesTheAccountAndCohortAndLandsInTheModule() throws Exception {
        platform.nextUser(TestPlatform.learner("learner-1", "Lina Learner"));
        WebClient browser = new WebClient(base);
        HttpResponse<String> launched = post(browser, login(browser, "learner-1"));
        assertEquals(302, launched.statusCode(), launched.body());
        String target = launched.headers().firstValue("Location").orElseThrow();
        assertTrue(target.endsWith("/student/module.xhtml?module=it-review"), target);
        HttpResponse<String> module = browser.get(target);
        assertEquals(200, module.statusCode());
        assertTrue(module.body().contains("IT review") && module.body().contains("Lina Learner"));

        // The same person launching again is the same account, still without a password.
        WebClient again = new WebClient(base);
        assertEquals(302, post(again, login(again, "learner-1")).statusCode());
        assertTrue(again.get("student/index.xhtml").body().contains("Lina Learner"));
        assertNotEquals(302, new WebClient(base).signIn("learner-1", "").statusCode());

        // The course's instructor lands as a tutor of the cohort the course became.
        platform.nextUser(TestPlatform.instructor("teacher-1", "Tess Teacher"));
        WebClient teacher = new WebClient(base);
        HttpResponse<String> staff = post(teacher, login(teacher, "teacher-1"));
        assertTrue(staff.headers().firstValue("Location").orElseThrow().endsWith("/tutor/index.xhtml"));
        String home = teacher.get("tutor/index.xhtml").body();
        assertTrue(home.contains("LTI course 101"), "the course is a cohort, and its teacher its tutor");
    }

    @Test
    void everyFaultyLaunchIsRefusedAndSaysWhy() throws Exception {
        platform.nextUser(TestPlatform.learner("learner-2", "Rex Refused"));
        WebClient browser = new WebClient(base);

        Post first = login(browser, "learner-2");
        assertEquals(302, post(browser, first).statusCode());
        assertRefused(post(new WebClient(base), first), "STATE");

        Post second = login(browser, "learner-2");
        assertRefused(post(browser, new Post(second.action(), first.idToken(), second.state())), "NONCE");

        platform.nextToken(c -> c.audience("another-tool"));
        assertRefused(post(browser, login(browser, "learner-2")), "AUDIENCE");

        platform.nextToken(c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000)));
        assertRefused(post(browser, login(browser, "learner-2")), "EXPIRED");

        platform.signNextWithUnpublishedKey();
        assertRefused(post(browser, login(browser, "learner-2")), "UNKNOWN_KEY");

        platform.nextToken(c -> c.claim(TestPlatform.LTI + "deployment_id", "deployment-unknown"));
        assertRefused(post(browser, login(browser, "learner-2")), "DEPLOYMENT");

        Post tampered = login(browser, "learner-2");
        String[] parts = tampered.idToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Rex Refused", "Eve Elevated");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(post(browser, new Post(tampered.action(), forged, tampered.state())), "SIGNATURE");

        platform.nextToken(c -> c.claim(TestPlatform.LTI + "message_type", null));
        assertRefused(post(browser, login(browser, "learner-2")), "MISSING_CLAIM");

        platform.nextToken(c -> c.issuer("https://somebody-else.invalid"));
        assertRefused(post(browser, login(browser, "learner-2")), "ISSUER");

        platform.nextToken(c -> c.claim(TestPlatform.LTI + "version", "1.1"));
        assertRefused(post(browser, login(browser, "learner-2")), "VERSION");

        HttpResponse<String> unknown = browser.get("lti/login?iss=" + enc("https://unknown.invalid") + "&login_hint=x");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("data-reason=\"PLATFORM\""));
        assertRefused(browser.postForm("lti/launch", Map.of("state", "made-up", "id_token", "x.y.z")), "STATE");
    }

    /** The tool's keys sign for every school: the installation's operator rotates them, no school admin can. */
    @Test
    void theToolsKeysArePublishedAndOnlyTheOperatorRotatesThem() throws Exception {
        String before = new WebClient(base).get("api/lti/jwks").body();
        assertTrue(before.contains("\"kty\":\"RSA\"") && !before.contains("\"d\":"), "public keys only");
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        assertFalse(admin.get("admin/lti.xhtml").body().contains("id=\"keys\""), "no keys on a school's page");
        assertEquals(403, admin.get("operator/index.xhtml").statusCode());
        WebClient operator = new WebClient(base).signIn("operator@test.securebase.org");
        assertEquals(403, operator.get("admin/index.xhtml").statusCode(), "the operator sees no school's people");
        assertEquals(403, operator.get("tutor/index.xhtml").statusCode());
        String page = operator.get("operator/index.xhtml").body();
        assertEquals(302, operator.postFaces("operator/index.xhtml", page, "keys", Map.of("keys:rotate", ""))
                .statusCode());
        String during = new WebClient(base).get("api/lti/jwks").body();
        assertEquals(2, during.split("\"kid\"").length - 1, "old and new key both published after a rotation");
        page = operator.get("operator/index.xhtml").body();
        assertEquals(302, operator.postFaces("operator/index.xhtml", page, "keys", Map.of("keys:retire", ""))
                .statusCode());
        String after = new WebClient(base).get("api/lti/jwks").body();
        assertEquals(1, after.split("\"kid\"").length - 1);
        assertFalse(before.contains(after.replaceAll("(?s).*\"kid\":\"([^\"]+)\".*", "$1")), "the new key remains");
    }

    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /**
     * Deep linking: an instructor from the platform's "add activity" picks a module; it goes back to the platform
     * as a resource link in a JWT signed with the tool's published key. A learner cannot deep link.
     */
    @Test
    void anInstructorPicksAModuleAndItGoesBackAsASignedResourceLink() throws Exception {
        UnaryOperator<JWTClaimsSet.Builder> deepLinking = c -> c
                .claim(TestPlatform.LTI + "message_type", "LtiDeepLinkingRequest")
                .claim(TestPlatform.LTI + "resource_link", null)
                .claim(DL + "deep_linking_settings", Map.of("deep_link_return_url", platform.base() + "/return",
                        "accept_types", List.of("ltiResourceLink"), "accept_multiple", true,
                        "data", "opaque-42"));
        platform.nextUser(TestPlatform.learner("learner-dl", "Lee Learner"));
        platform.nextToken(deepLinking);
        WebClient learner = new WebClient(base);
        assertRefused(post(learner, login(learner, "learner-dl")), "ROLE");

        platform.nextUser(TestPlatform.instructor("teacher-dl", "Dee Linker"));
        platform.nextToken(deepLinking);
        WebClient browser = new WebClient(base);
        HttpResponse<String> launched = post(browser, login(browser, "teacher-dl"));
        assertEquals(302, launched.statusCode(), launched.body());
        String picker = browser.get(launched.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(picker.contains("value=\"the-racing-heart\""), "the modules to pick from");
        HttpResponse<String> answered = browser.postFaces("staff/deep-link.xhtml", picker, "pick", Map.of(
                "pick:modules", "the-racing-heart", "pick:add", ""));
        assertEquals(200, answered.statusCode());
        String csp = answered.headers().firstValue("Content-Security-Policy").orElse("")
                + answered.headers().allValues("Content-Security-Policy");
        assertTrue(csp.contains("form-action 'self' " + platform.base()) && csp.contains("frame-ancestors 'self' "
                + platform.base()), "the registered platform, and only it, may frame us and receive our forms: " + csp);
        Matcher form = Pattern.compile("id=\"deep-link-return\" method=\"post\" action=\"([^\"]+)\".*?name=\"JWT\" "
                + "value=\"([^\"]+)\"", Pattern.DOTALL)
                .matcher(answered.body());
        assertTrue(form.find(), answered.body());
        assertEquals(platform.base() + "/return", form.group(1));

        SignedJWT jwt = SignedJWT.parse(form.group(2));
        JWKSet keys = JWKSet.parse(
                new WebClient(base).get("api/lti/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signed with a published key");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(TestPlatform.CLIENT_ID, claims.getIssuer());
        assertEquals(List.of(TestPlatform.ISSUER), claims.getAudience());
        assertEquals("LtiDeepLinkingResponse", claims.getClaim(TestPlatform.LTI + "message_type"));
        assertEquals(TestPlatform.DEPLOYMENT, claims.getClaim(TestPlatform.LTI + "deployment_id"));
        assertEquals("opaque-42", claims.getClaim(DL + "data"), "the platform's data comes back unchanged");
        List<?> items = (List<?>) claims.getClaim(DL + "content_items");
        assertEquals(1, items.size());
        Map<?, ?> item = (Map<?, ?>) items.get(0);
        assertEquals("ltiResourceLink", item.get("type"));
        assertTrue(String.valueOf(item.get("url")).endsWith("/lti/launch"));
        assertEquals(Map.of("module", "the-racing-heart"), item.get("custom"));
    }

    private static String draft(String text) {
        return "{\"text\":" + WebClient.json(text) + ",\"revision\":0}";
    }

    private static String awaitScore(String... fragments) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            for (String score : platform.scores) {
                if (Arrays.stream(fragments).allMatch(score::contains)) {
                    return score;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no score with " + Arrays.toString(fragments) + " in " + platform.scores);
    }

    /**
     * Assignment and Grade Services: submitting posts completion to the line item the launch named (through a
     * token obtained with the tool's signed client assertion), a refused post is retried, and accepting posts
     * the rubric level; the tutor sees what was sent.
     */
    @Test
    void resultsGoBackToTheLineItemAndARefusedPostIsRetried() throws Exception {
        platform.toolJwks(base + "api/lti/jwks");
        platform.nextUser(TestPlatform.learner("learner-ags", "Ada Graded"));
        WebClient student = new WebClient(base);
        String module = student.get(post(student, login(student, "learner-ags")).headers().firstValue("Location")
                .orElseThrow()).body();
        assertTrue(module.contains("Ada Graded"));
        long id = Long.parseLong(student.putJson("api/modules/it-review/reflection/drafts/seeking",
                draft("She wanted to know someone would stay until the results came.")).body()
                .replaceAll("(?s).*\"reflection\":(\\d+).*", "$1"));
        student.putJson("api/modules/it-review/reflection/drafts/next-words",
                draft("I would say when I will call her, and then call."));
        platform.failScores(1);
        assertEquals(200, student.postJson("api/modules/it-review/reflection/submission", "{}").statusCode());
        String completion = awaitScore("\"userId\":\"learner-ags\"", "\"activityProgress\":\"Submitted\"");
        assertFalse(completion.contains("scoreGiven"), "completion carries no score yet");
        assertTrue(platform.refusedScores.get() >= 1, "the first attempt was refused, and retried");
        // A response in a case that branches: the statement names the stage and the option, not the stance.
        String branching = student.get("student/module.xhtml?module=it-branching").body();
        assertEquals(302, student.postFaces("student/module.xhtml?module=it-branching", branching, "stages:0:q",
                Map.of("stages:0:q:option", "1", "stages:0:q:check", "")).statusCode());
        String answered = awaitStatement("verbs/answered", "/modules/it-branching/stages/arrival",
                "\"response\":\"1\"");
        assertTrue(answered.contains("\"success\":true"), answered);
        assertFalse(answered.contains("secure-base"), "what the stances add up to is the trainee's alone");

        platform.nextUser(TestPlatform.instructor("teacher-ags", "Gus Grader"));
        WebClient tutor = new WebClient(base);
        assertEquals(302, post(tutor, login(tutor, "teacher-ags")).statusCode());
        String review = tutor.get("tutor/review.xhtml?id=" + id).body();
        assertTrue(review.contains("Results sent to the learning platform") && review.contains("Test Moodle: sent"),
                "the tutor sees what went back");
        HttpResponse<String> accepted = tutor.postFaces("tutor/review.xhtml?id=" + id, review, "decision", Map.of(
                "decision:level", "reflection", "decision:overall", "Clear and honest.", "decision:accept", ""));
        assertEquals(302, accepted.statusCode());
        String graded = awaitScore("\"userId\":\"learner-ags\"", "\"gradingProgress\":\"FullyGraded\"");
        assertTrue(graded.contains("\"scoreGiven\":3") && graded.contains("\"scoreMaximum\":4"),
                "the rubric level (3rd of 4) as the score: " + graded);

        // xAPI: the same story reached the school's LRS, under a pseudonymous account, never a name.
        awaitStatement("verbs/launched", "/modules/it-review\"");
        awaitStatement("schema/1.0/submit", "/modules/it-review/reflection");
        String reviewed = awaitStatement("verbs/reviewed", "/modules/it-review/reflection", "\"raw\":3");
        assertTrue(reviewed.contains("\"max\":4") && reviewed.contains("account-"), reviewed);
        assertFalse(reviewed.contains("Ada Graded"), "no names in statements");
    }

    /** Names and Role Provisioning: a tutor brings the course's active members into the cohort, page by page. */
    @Test
    void aTutorSyncsTheCourseRoster() throws Exception {
        platform.toolJwks(base + "api/lti/jwks");
        platform.nextUser(TestPlatform.instructor("teacher-nrps", "Nora Roster"));
        WebClient tutor = new WebClient(base);
        assertEquals(302, post(tutor, login(tutor, "teacher-nrps")).statusCode());
        Matcher link = Pattern.compile("cohort\\.xhtml\\?id=(\\d+)\"[^>]*>LTI course 101</a>")
                .matcher(tutor.get("tutor/index.xhtml").body());
        assertTrue(link.find(), "the course's cohort");
        String path = "staff/cohort.xhtml?id=" + link.group(1);
        String page = tutor.get(path).body();
        assertTrue(page.contains("Sync the roster"));
        HttpResponse<String> synced = tutor.postFaces(path, page, "roster", Map.of("id", link.group(1),
                "roster:sync", ""));
        assertEquals(302, synced.statusCode());
        String after = tutor.get(path).body();
        assertTrue(after.contains("Roster synced: 2 added"), "Ross and Rosa, from both pages; not the inactive one");
        assertTrue(after.contains("1 not active"));
        String again = tutor.postFaces(path, after, "roster", Map.of("id", link.group(1), "roster:sync", ""))
                .headers().firstValue("Location").orElseThrow();
        assertTrue(tutor.get(again).body().contains("Roster synced: 0 added, 2 already here"));
    }

    /**
     * Inside the platform's frame the browser may refuse our cookie: the launch answers with a page that checks
     * the session before going on, and offers a one-time link to continue in a new window.
     */
    @Test
    void aFramedLaunchChecksItsSessionAndCanContinueInANewWindow() throws Exception {
        platform.nextUser(TestPlatform.learner("learner-frame", "Fay Framed"));
        WebClient frame = new WebClient(base);
        Post launch = login(frame, "learner-frame");
        HttpResponse<String> page = frame.postFormInFrame(launch.action(), Map.of("id_token", launch.idToken(),
                "state", launch.state()));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-target=\"/securebase/student/module.xhtml?module=it-review\"")
                || page.body().matches("(?s).*data-target=\"[^\"]*/student/module\\.xhtml\\?module=it-review\".*"));
        assertTrue(page.headers().allValues("Content-Security-Policy").stream()
                .anyMatch(p -> p.contains("frame-ancestors 'self' " + platform.base())), "the platform may frame it");
        assertEquals(200, frame.get("api/me/session").statusCode(), "where the cookie is kept, the session holds");
        assertEquals(401, new WebClient(base).get("api/me/session").statusCode());

        Matcher link = Pattern.compile("href=\"([^\"]*/lti/continue\\?ticket=[^\"]+)\"").matcher(page.body());
        assertTrue(link.find(), page.body());
        WebClient window = new WebClient(base);
        HttpResponse<String> continued = window.get(link.group(1).replace("&amp;", "&"));
        assertEquals(302, continued.statusCode());
        assertTrue(continued.headers().firstValue("Location").orElseThrow()
                .endsWith("/student/module.xhtml?module=it-review"));
        assertTrue(window.get("student/module.xhtml?module=it-review").body().contains("Fay Framed"),
                "signed in there");
        assertRefused(new WebClient(base).get(link.group(1).replace("&amp;", "&")), "STATE");
    }

    /**
     * A launch whose activity sends no line item (Moodle's "Accept grades from the tool" unticked) cannot have its
     * grade go back: the LTI page says so, instead of nothing being posted in silence.
     */
    @Test
    void aLaunchWithoutALineItemIsShownAsNoGradeGoingBack() throws Exception {
        platform.nextUser(TestPlatform.learner("learner-no-grades", "Nell Nograde"));
        platform.nextToken(claims -> claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", null));
        WebClient student = new WebClient(base);
        assertEquals(302, post(student, login(student, "learner-no-grades")).statusCode());
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        String page = admin.get("admin/lti.xhtml").body();
        assertTrue(page.contains("named no grade column"), "the LTI page says why no grade goes back");
        assertFalse(new WebClient(base).signIn("admin2@demo.securebase.org").get("admin/lti.xhtml").body()
                .contains("named no grade column"), "another school hears nothing of it");
    }
}
