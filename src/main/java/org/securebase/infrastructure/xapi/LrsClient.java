package org.securebase.infrastructure.xapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Posts xAPI statements to a Learning Record Store's statements resource (xAPI 1.0.3, Basic authentication). */
public final class LrsClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The LRS's answer: its HTTP status and body. */
    public record Answer(int status, String body) {
    }

    private final URI statements;
    private final String authorization;

    /** @param endpoint the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/ */
    public LrsClient(String endpoint, String username, String password) {
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        this.statements = URI.create(base + "statements");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public Answer send(String statementJson) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(statements).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization).header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statementJson)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
