package org.securebase.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.securebase.infrastructure.signin.OidcClient;

/**
 * Single sign-on through a real Keycloak ({@link TestKeycloak}, realm securebase-realm.json): Northgate's
 * administrator registers it on her page; people sign in through Keycloak's own login form, in a real browser and
 * over plain HTTP; every refusal shows a page that says why and lets nobody in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    private static final String KC_PASSWORD = "Keycloak-2026";
    private static final String NORTHGATE_BUTTON = "Northgate University Login";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private static TestKeycloak keycloak;
    private static boolean registered;

    @ArquillianResource
    private URL url;

    private URI base;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = new TestKeycloak();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** Northgate's administrator registers Keycloak through her page, once per run. */
    @BeforeEach
    void register() throws Exception {
        base = url.toURI();
        if (registered) {
            return;
        }
        WebClient admin = new WebClient(base).signIn("admin@demo.securebase.org");
        HttpResponse<String> saved = saveProvider(admin, NORTHGATE_BUTTON, false, false);
        assertEquals(302, saved.statusCode(), saved.body());
        String page = admin.get("admin/signin.xhtml").body();
        assertTrue(page.contains(NORTHGATE_BUTTON) && page.contains("/signin/callback"), page);
        assertFalse(page.contains("securebase-test-secret"), "the client secret is never shown back");
        registered = true;
    }

    private HttpResponse<String> saveProvider(WebClient admin, String name, boolean create, boolean passwordOff) {
        String page = admin.get("admin/signin.xhtml").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("provider:name", name);
        fields.put("provider:issuer", keycloak.issuer());
        fields.put("provider:client", "securebase");
        fields.put("provider:secret", "securebase-test-secret");
        fields.put("provider:email-claim", "email");
        fields.put("provider:roles-claim", "roles");
        if (create) {
            fields.put("provider:create", "on");
        }
        fields.put("provider:role", "STUDENT");
        if (passwordOff) {
            fields.put("provider:password-off", "on");
        }
        fields.put("provider:save", "");
        return admin.postFaces("admin/signin.xhtml", page, "provider", fields);
    }

    /** The registration id behind the login page's button with this name. */
    private long providerId(String buttonName) {
        String page = new WebClient(base).get("login.xhtml").body();
        Matcher m = Pattern.compile("href=\"[^\"]*/signin/([0-9]+)\"[^>]*>\\s*Sign in with "
                + Pattern.quote(buttonName) + "<").matcher(page);
        assertTrue(m.find(), "a button for " + buttonName + " on the login page: " + page);
        return Long.parseLong(m.group(1));
    }

    /**
     * Over plain HTTP as a browser does it: the application sends the person to Keycloak, Keycloak's login form
     * takes the username and password, Keycloak sends them back with a code; returns the application's answer to
     * that callback, and the callback's address in {@code callback[0]}.
     */
    private HttpResponse<String> signInAtKeycloak(WebClient person, long providerId, String username,
            String[] callback) {
        HttpResponse<String> start = person.get("signin/" + providerId);
        assertEquals(302, start.statusCode(), start.body());
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(keycloak.issuer()) && authorize.contains("code_challenge_method=S256")
                && authorize.contains("nonce=") && authorize.contains("state="), authorize);
        HttpResponse<String> form = person.get(authorize);
        assertEquals(200, form.statusCode(), form.body());
        Matcher tag = LOGIN_FORM.matcher(form.body());
        assertTrue(tag.find(), "Keycloak's login form: " + form.body());
        Matcher action = ACTION.matcher(tag.group());
        assertTrue(action.find());
        HttpResponse<String> posted = person.postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", KC_PASSWORD, "credentialId", ""));
        assertEquals(302, posted.statusCode(), posted.body());
        String back = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(base.resolve("signin/callback").toString()), back);
        if (callback != null) {
            callback[0] = back;
        }
        return person.get(back);
    }

    private static String reason(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"signin-reason\" data-reason=\"([A-Z_]+)\"").matcher(page.body());
        return m.find() ? m.group(1) : "(no reason on the page: " + page.statusCode() + ")";
    }

    @Test
    void aStudentAndATutorSignInThroughKeycloaksLoginFormInABrowser() {
        long id = providerId(NORTHGATE_BUTTON);
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base.resolve("login.xhtml").toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("signin-" + id)));
            Browser.assertAccessible(driver, "login with school sign-in");
            Browser.screenshot(driver, "signin-login");
            driver.findElement(By.id("signin-" + id)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("amara");
            driver.findElement(By.id("password")).sendKeys(KC_PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlContains("/student/index.xhtml"));
            assertTrue(driver.getPageSource().contains("Amara Okafor"), "the student's own home page");
            Browser.screenshot(driver, "signin-student-home");

            // Signing out here signs out at Keycloak too, and comes back to the login page.
            driver.findElement(By.id("session:logout")).click();
            wait.until(ExpectedConditions.urlContains("signedOut=true"));
            assertTrue(driver.getCurrentUrl().startsWith(base.resolve("login.xhtml").toString()),
                    driver.getCurrentUrl());
            Browser.assertAccessible(driver, "login after signing out");
            driver.get(base.resolve("index.xhtml").toString());
            wait.until(ExpectedConditions.urlContains("login.xhtml"));
            assertTrue(driver.findElements(By.id("session:logout")).isEmpty(), "signed out here");

            // Keycloak shows its form again (its session ended too, or it would sign her straight back in): the
            // tutor signs in and lands on the tutor's page.
            driver.get(base.resolve("signin/" + id).toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("helen");
            driver.findElement(By.id("password")).sendKeys(KC_PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlContains("/tutor/index.xhtml"));
            assertTrue(driver.getPageSource().contains("Dr Helen Marsh"), "the tutor's page, her account's name");

        } finally {
            driver.quit();
        }
        // A person the school has not enrolled, in a browser of their own: the refusal page, read by axe too.
        driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base.resolve("signin/" + id).toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("stranger");
            driver.findElement(By.id("password")).sendKeys(KC_PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-reason")));
            assertTrue(driver.findElement(By.id("signin-reason")).getText().contains("has not enrolled you"));
            Browser.assertAccessible(driver, "sign-in refused");
            Browser.screenshot(driver, "signin-refused");
        } finally {
            driver.quit();
        }
    }

    @Test
    void theAdministratorsPageIsAccessibleAndNeverShowsTheSecret() {
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base.resolve("login.xhtml").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:email")))
                    .sendKeys("admin@demo.securebase.org");
            driver.findElement(By.id("login:password")).sendKeys(WebClient.PASSWORD);
            driver.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.urlContains("/admin/"));
            driver.get(base.resolve("admin/signin.xhtml").toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("provider:secret")));
            assertEquals("", driver.findElement(By.id("provider:secret")).getAttribute("value"));
            assertEquals(NORTHGATE_BUTTON, driver.findElement(By.id("provider:name")).getAttribute("value"));
            Browser.assertAccessible(driver, "admin school sign-in");
            Browser.screenshot(driver, "signin-admin");
        } finally {
            driver.quit();
        }
    }

    /**
     * An id_token Keycloak signed for another client (other-app) is refused by the application's validator for
     * client "securebase", while one for "securebase" from the same Keycloak passes: the audience decides.
     */
    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        String forOther = passwordGrantIdToken("other-app", "other-app-secret");
        String forUs = passwordGrantIdToken("securebase", "securebase-test-secret");
        ConfigProviderResolver.setInstance(new TestConfig.Resolver(Map.of("lti.allow.private.addresses", "true")));
        try {
            OidcClient client = new OidcClient();
            assertNotNull(client.validate(keycloak.issuer(), "securebase", forUs, null).claims().get("sub"));
            OidcClient.OidcException refused = assertThrows(OidcClient.OidcException.class,
                    () -> client.validate(keycloak.issuer(), "securebase", forOther, null));
            assertTrue(refused.getMessage().toLowerCase().contains("audience"), refused.getMessage());
        } finally {
            ConfigProviderResolver.setInstance(null);
        }
    }

    private static String passwordGrantIdToken(String client, String secret) throws Exception {
        String body = "grant_type=password&scope=openid&username=tomasz&password=" + KC_PASSWORD + "&client_id="
                + client + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.tokenEndpoint())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Matcher m = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertTrue(m.find(), response.body());
        return m.group(1);
    }

    @Test
    void aReplayedStateIsRefused() {
        long id = providerId(NORTHGATE_BUTTON);
        WebClient person = new WebClient(base);
        String[] callback = new String[1];
        HttpResponse<String> first = signInAtKeycloak(person, id, "tomasz", callback);
        assertEquals(302, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Location").orElseThrow().endsWith("/index.xhtml"));

        HttpResponse<String> again = person.get(callback[0]);
        assertEquals(400, again.statusCode());
        assertEquals("STATE", reason(again));
        assertTrue(again.body().contains("was used already"), again.body());

        WebClient elsewhere = new WebClient(base);
        HttpResponse<String> stolen = elsewhere.get(callback[0]);
        assertEquals(400, stolen.statusCode());
        assertEquals("STATE", reason(stolen));
        assertEquals(302, elsewhere.get("student/index.xhtml").statusCode(), "nobody signed in there");
    }

    @Test
    void anExistingAccountIsLinkedByItsVerifiedAddressAndAnUnverifiedOneIsNot() {
        long id = providerId(NORTHGATE_BUTTON);
        WebClient tomasz = new WebClient(base);
        HttpResponse<String> linked = signInAtKeycloak(tomasz, id, "tomasz", null);
        assertEquals(302, linked.statusCode(), linked.body());
        HttpResponse<String> home = tomasz.follow("index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.uri().getPath().endsWith("/student/index.xhtml") && home.body().contains("Tomasz Nowak"),
                "the school's existing account: " + home.uri());

        // Later sign-ins go by the subject: the same account again.
        WebClient later = new WebClient(base);
        assertEquals(302, signInAtKeycloak(later, id, "tomasz", null).statusCode());
        assertTrue(later.follow("index.xhtml").body().contains("Tomasz Nowak"));

        WebClient priya = new WebClient(base);
        HttpResponse<String> unverified = signInAtKeycloak(priya, id, "priya", null);
        assertEquals(403, unverified.statusCode());
        assertEquals("EMAIL_NOT_VERIFIED", reason(unverified));
        assertEquals(302, priya.get("student/index.xhtml").statusCode(), "not signed in");
        // Her password sign-in is untouched.
        assertEquals(302, new WebClient(base).signIn("student3@demo.securebase.org", WebClient.PASSWORD)
                .statusCode());
    }

    @Test
    void someoneTheSchoolHasNotEnrolledIsRefusedWithAClearPage() {
        long id = providerId(NORTHGATE_BUTTON);
        for (int attempt = 0; attempt < 2; attempt++) {
            WebClient stranger = new WebClient(base);
            HttpResponse<String> refused = signInAtKeycloak(stranger, id, "stranger", null);
            assertEquals(403, refused.statusCode());
            assertEquals("NOT_ENROLLED", reason(refused), "no account made on the first try either");
            assertTrue(refused.body().contains("your school has not enrolled you"), refused.body());
            assertEquals(302, stranger.get("student/index.xhtml").statusCode());
        }
        // Eastbridge's administrator, verified at the same provider, is not a Northgate person.
        WebClient ines = new WebClient(base);
        HttpResponse<String> otherSchool = signInAtKeycloak(ines, id, "ines", null);
        assertEquals(403, otherSchool.statusCode());
        assertEquals("NOT_ENROLLED", reason(otherSchool));
        assertEquals(302, ines.get("admin/index.xhtml").statusCode());
    }

    /**
     * Eastbridge registers the provider too, with password sign-in off and accounts made at first sign-in: her
     * password is refused with a message, the operator's still works, her provider sign-in works, and a tutor
     * the provider names is created as a tutor. Her settings are put back at the end.
     */
    @Test
    void passwordSignInSwitchedOffIsRefusedButTheProviderAndTheOperatorStillWork() {
        WebClient admin2 = new WebClient(base).signIn("admin2@demo.securebase.org");
        try {
            assertEquals(302, saveProvider(admin2, "Eastbridge Login", true, true).statusCode());
            HttpResponse<String> password = new WebClient(base).signIn("admin2@demo.securebase.org",
                    WebClient.PASSWORD);
            assertEquals(200, password.statusCode());
            assertTrue(password.body().contains("not with a password here"), password.body());
            assertEquals(302, new WebClient(base).signIn("operator@test.securebase.org", WebClient.PASSWORD)
                    .statusCode(), "the operator belongs to no school");
            assertEquals(302, new WebClient(base).signIn("admin@demo.securebase.org", WebClient.PASSWORD)
                    .statusCode(), "Northgate keeps its passwords");

            long eastbridge = providerId("Eastbridge Login");
            WebClient ines = new WebClient(base);
            assertEquals(302, signInAtKeycloak(ines, eastbridge, "ines", null).statusCode());
            assertTrue(ines.follow("index.xhtml").uri().getPath().endsWith("/admin/index.xhtml"));

            WebClient nadia = new WebClient(base);
            assertEquals(302, signInAtKeycloak(nadia, eastbridge, "newtutor", null).statusCode());
            HttpResponse<String> home = nadia.follow("index.xhtml");
            assertTrue(home.uri().getPath().endsWith("/tutor/index.xhtml") && home.body().contains("Nadia Newcombe"),
                    "created at first sign-in, as a tutor: " + home.uri());
        } finally {
            assertEquals(302, saveProvider(admin2, "Eastbridge Login", false, false).statusCode());
        }
        assertEquals(302, new WebClient(base).signIn("admin2@demo.securebase.org", WebClient.PASSWORD)
                .statusCode());
    }

    @Test
    void anotherSchoolsAdministratorNeitherSeesNorChangesTheRegistration() {
        WebClient admin2 = new WebClient(base).signIn("admin2@demo.securebase.org");
        String page = admin2.get("admin/signin.xhtml").body();
        assertFalse(page.contains(NORTHGATE_BUTTON), "Northgate's provider is absent for Eastbridge");
        assertTrue(page.contains("Eastbridge Login") || page.contains("id=\"no-provider\""), page);
        // What she saves is Eastbridge's own: Northgate's button is unchanged.
        assertEquals(302, saveProvider(admin2, "Eastbridge Login", false, false).statusCode());
        assertTrue(new WebClient(base).get("login.xhtml").body().contains("Sign in with " + NORTHGATE_BUTTON));
        assertTrue(new WebClient(base).signIn("admin@demo.securebase.org").get("admin/signin.xhtml").body()
                .contains(NORTHGATE_BUTTON));
        // Not an administrator: the page is not theirs.
        assertEquals(403, new WebClient(base).signIn("tutor@demo.securebase.org").get("admin/signin.xhtml")
                .statusCode());
    }
}
