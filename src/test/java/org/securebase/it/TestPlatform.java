package org.securebase.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learning platform for the tests: a real HTTP server with its own RSA key pair, publishing its JWKS and
 * answering OIDC authorization requests as platforms do, with an HTML form that posts a signed id_token back to
 * the tool. What goes into the next id_token can be changed, to test every way a launch can be wrong.
 */
final class TestPlatform implements AutoCloseable {

    static final String ISSUER = "https://platform.test.invalid";
    static final String CLIENT_ID = "securebase-test-client";
    static final String DEPLOYMENT = "deployment-1";
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    private final String clientId;
    private final HttpServer server;
    /** Pages this platform serves at /page/NAME: a course page framing the tool, or another site's page. */
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final RSAKey key;
    private final RSAKey unpublished;

    /** Applied to the claims of the next id_token, then reset. */
    private volatile UnaryOperator<JWTClaimsSet.Builder> tweak = UnaryOperator.identity();
    private volatile boolean signWithUnpublishedKey;
    private volatile Map<String, Object> user = learner("learner-1", "Lina Learner");
    private volatile String toolJwks;
    private final AtomicInteger failScores = new AtomicInteger();
    /** Score bodies the line item accepted, and the number of refused attempts. */
    final List<String> scores = new CopyOnWriteArrayList<>();
    final AtomicInteger refusedScores = new AtomicInteger();
    static final String TOKEN = "platform-access-token-1";

    TestPlatform() {
        this(CLIENT_ID);
    }

    /** A platform with keys of its own that registered the tool under {@code clientId}. */
    TestPlatform(String clientId) {
        this.clientId = clientId;
        try {
            key = new RSAKeyGenerator(2048).keyID("platform-key-1").generate();
            unpublished = new RSAKeyGenerator(2048).keyID("never-published").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/auth", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String token = idToken(query.get("nonce"));
            // Posted at once, as platforms do (a browser runs the script; an HTTP client reads the form).
            String html = "<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                    + query.get("redirect_uri") + "\">"
                    + "<input type=\"hidden\" name=\"id_token\" value=\"" + token + "\">"
                    + "<input type=\"hidden\" name=\"state\" value=\"" + query.get("state") + "\">"
                    + "</form></body></html>";
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/token", exchange -> {
            Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            int status = 200;
            String body = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
            try {
                SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
                RSAKey toolKey = (RSAKey) JWKSet.load(URI.create(toolJwks).toURL())
                        .getKeyByKeyId(assertion.getHeader().getKeyID());
                JWTClaimsSet claims = assertion.getJWTClaimsSet();
                if (toolKey == null || !assertion.verify(new RSASSAVerifier(toolKey))
                        || !clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())
                        || !claims.getAudience().contains(base() + "/token")
                        || !"client_credentials".equals(form.get("grant_type"))) {
                    status = 401;
                    body = "{\"error\":\"invalid_client\"}";
                }
            } catch (Exception e) {
                status = 400;
                body = "{\"error\":\"invalid_request\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/lineitems/1/scores", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (failScores.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refusedScores.incrementAndGet();
                status = 503;
            } else {
                scores.add(body);
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/memberships", exchange -> {
            boolean second = "page=2".equals(exchange.getRequestURI().getRawQuery());
            String learner = "\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"";
            String body = second
                    ? "{\"id\":\"m\",\"members\":[{\"user_id\":\"roster-2\",\"name\":\"Rosa Second\","
                            + "\"status\":\"Active\",\"roles\":[" + learner + "]}]}"
                    : "{\"id\":\"m\",\"context\":{\"id\":\"course-101\"},\"members\":["
                            + "{\"user_id\":\"roster-1\",\"name\":\"Ross First\",\"email\":\"ross@lms.invalid\","
                            + "\"status\":\"Active\",\"roles\":[" + learner + "]},"
                            + "{\"user_id\":\"roster-gone\",\"name\":\"Gone Away\",\"status\":\"Inactive\","
                            + "\"roles\":[" + learner + "]}]}";
            int status = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401;
            if (!second) {
                exchange.getResponseHeaders().add("Link", "<" + base() + "/memberships?page=2>; rel=\"next\"");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    "application/vnd.ims.lti-nrps.v2.membershipcontainer+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/page/", exchange -> {
            String html = pages.get(exchange.getRequestURI().getPath().substring("/page/".length()));
            byte[] bytes = (html == null ? "" : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code html} at {@link #page(String)}: on this platform's own site (127.0.0.1), not the tool's. */
    String serve(String name, String html) {
        pages.put(name, html);
        return page(name);
    }

    String page(String name) {
        return base() + "/page/" + name;
    }

    String clientId() {
        return clientId;
    }

    /** Where the tool publishes its keys: the token endpoint checks client assertions against it. */
    void toolJwks(String url) {
        toolJwks = url;
    }

    private static final Pattern LAUNCH_FORM = Pattern.compile("action=\"([^\"]+)\".*name=\"id_token\" "
            + "value=\"([^\"]+)\".*name=\"state\" value=\"([^\"]+)\"", Pattern.DOTALL);

    /**
     * A whole launch of the {@link #nextUser next user} as their browser makes it: the login initiation at the tool
     * ({@code tool}, through {@code browser}'s cookies), this platform's answer, and the id_token posted back to the
     * tool; the tool's answer to that post.
     */
    HttpResponse<String> launch(WebClient browser, URI tool, String loginHint) throws IOException,
            InterruptedException {
        java.util.function.Function<String, String> enc = v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        HttpResponse<String> initiation = browser.get("lti/login?iss=" + enc.apply(ISSUER) + "&login_hint="
                + enc.apply(loginHint) + "&client_id=" + enc.apply(clientId) + "&target_link_uri="
                + enc.apply(tool + "student/module.xhtml?module=it-review"));
        String location = initiation.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect to the platform: " + initiation.statusCode()));
        String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher form = LAUNCH_FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("no launch form from the platform: " + html);
        }
        return browser.postForm(form.group(1), Map.of("id_token", form.group(2), "state", form.group(3)));
    }

    /** The next n score posts are refused with 503, as a platform under maintenance would. */
    void failScores(int n) {
        failScores.set(n);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Map<String, Object> learner(String sub, String name) {
        return Map.of("sub", sub, "name", name, "roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
    }

    static Map<String, Object> instructor(String sub, String name) {
        return Map.of("sub", sub, "name", name, "roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
    }

    void nextUser(Map<String, Object> next) {
        user = next;
    }

    void nextToken(UnaryOperator<JWTClaimsSet.Builder> change) {
        tweak = change;
    }

    void signNextWithUnpublishedKey() {
        signWithUnpublishedKey = true;
    }

    /** A resource link launch into the fixture module, for the current user, in course "LTI course 101". */
    String idToken(String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(clientId).subject((String) user.get("sub"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("azp", clientId).claim("name", user.get("name"))
                .claim("email", user.get("email"))
                .claim(LTI + "deployment_id", DEPLOYMENT)
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "roles", user.get("roles"))
                .claim(LTI + "resource_link", Map.of("id", "link-" + UUID.randomUUID()))
                .claim(LTI + "context", Map.of("id", "course-101", "title", "LTI course 101"))
                .claim(LTI + "custom", Map.of("module", "it-review"))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                        "context_memberships_url", base() + "/memberships", "service_versions", List.of("2.0")))
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("scope", List.of(
                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitem", base() + "/lineitems/1"));
        claims = tweak.apply(claims);
        tweak = UnaryOperator.identity();
        RSAKey signer = signWithUnpublishedKey ? unpublished : key;
        signWithUnpublishedKey = false;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
