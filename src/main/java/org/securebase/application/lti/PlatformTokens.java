package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the platforms' token endpoints, per platform and scope, until shortly before they expire. */
@ApplicationScoped
public class PlatformTokens {

    private record Token(String value, Instant until) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public Optional<String> get(long platformId, String scope, Instant now) {
        Token token = tokens.get(platformId + " " + scope);
        return token != null && token.until().isAfter(now) ? Optional.of(token.value()) : Optional.empty();
    }

    public void put(long platformId, String scope, String value, Instant until) {
        tokens.put(platformId + " " + scope, new Token(value, until));
    }

    /** The platform refused the token: the next call asks for a new one. */
    public void forget(long platformId, String scope) {
        tokens.remove(platformId + " " + scope);
    }
}
