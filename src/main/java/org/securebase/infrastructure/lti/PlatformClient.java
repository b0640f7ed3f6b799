package org.securebase.infrastructure.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All HTTP from the tool to learning platforms (LTI Advantage services): the OAuth 2 token endpoint, Assignment
 * and Grade Services scores, and Names and Role Provisioning Services rosters. Every address passes
 * {@link OutboundAddress} first. It knows the wire formats, nothing of accounts or schools.
 */
@ApplicationScoped
public class PlatformClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A platform's answer: status and body. */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** An access token and how many seconds it is good for. */
    public record Grant(String accessToken, int expiresIn) {
    }

    /** A score for one user on a line item (AGS score media type). */
    public record Score(String userId, String activityProgress, String gradingProgress, String timestamp,
            Double scoreGiven, Double scoreMaximum) {
    }

    /** One member of a course roster, as the platform describes them. */
    public record Member(String userId, String status, List<String> roles, String email, String name,
            String givenName, String familyName) {

        public boolean active() {
            return userId != null && "Active".equals(status);
        }
    }

    /** One page of a roster and the address of the next page (null on the last). */
    public record MembersPage(List<Member> members, String next) {
    }

    /** The platform answered, but not with success. */
    public static class Refused extends IOException {

        private static final long serialVersionUID = 1L;

        private final int status;

        public Refused(String what, int status) {
            super(what + " answered HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** An access token by client credentials, authenticated with the given signed client assertion. */
    public Grant token(String tokenUrl, String assertion, String scope) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(assertion) + "&scope=" + enc(scope);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OutboundAddress.require(tokenUrl))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Refused("token endpoint", response.statusCode());
        }
        JsonObject json = json(response.body());
        return new Grant(json.getString("access_token"), json.getInt("expires_in", 3600));
    }

    /** Posts a score to a line item's scores address. */
    public Answer postScore(String lineitemUrl, String token, Score score) throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("userId", score.userId())
                .add("activityProgress", score.activityProgress()).add("gradingProgress", score.gradingProgress())
                .add("timestamp", score.timestamp());
        if (score.scoreGiven() != null) {
            body.add("scoreGiven", score.scoreGiven()).add("scoreMaximum", score.scoreMaximum());
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OutboundAddress.require(
                scoresUrl(lineitemUrl).toString())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.ims.lis.v1.score+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Reads one page of a course roster. */
    public MembersPage members(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OutboundAddress.require(url))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Refused("roster service", response.statusCode());
        }
        return new MembersPage(members(json(response.body())), next(response.headers()));
    }

    static List<Member> members(JsonObject container) throws IOException {
        if (!container.containsKey("members") || container.get("members").getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IOException("roster without members");
        }
        List<Member> members = new ArrayList<>();
        for (JsonValue value : container.getJsonArray("members")) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject member = value.asJsonObject();
            List<String> roles = member.containsKey("roles") ? member.getJsonArray("roles")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
            members.add(new Member(member.getString("user_id", null), member.getString("status", "Active"), roles,
                    member.getString("email", null), member.getString("name", null),
                    member.getString("given_name", null), member.getString("family_name", null)));
        }
        return members;
    }

    /** The address of the next page, from a {@code Link: <...>; rel="next"} header (RFC 8288). */
    static String next(HttpHeaders headers) {
        return headers.allValues("Link").stream().flatMap(h -> Arrays.stream(h.split(",")))
                .filter(l -> l.contains("rel=\"next\"") && l.indexOf('<') >= 0 && l.indexOf('>') > l.indexOf('<'))
                .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).findFirst().orElse(null);
    }

    /** The line item's scores address: "/scores" added to its path, before any query. */
    static URI scoresUrl(String lineitem) {
        URI uri = URI.create(lineitem);
        String path = uri.getRawPath().endsWith("/") ? uri.getRawPath() + "scores" : uri.getRawPath() + "/scores";
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static JsonObject json(String body) throws IOException {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IOException("not a JSON object: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
