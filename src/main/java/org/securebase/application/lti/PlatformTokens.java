package org.securebase.application.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.infrastructure.lti.PlatformClient;

/**
 * Access tokens from the platforms' token endpoints (OAuth 2 client credentials, authenticated with a JWT signed
 * by the tool's key), cached per platform and scope until shortly before they expire.
 */
@ApplicationScoped
public class PlatformTokens {

    private record Token(String value, Instant until) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    @Inject
    private ToolKeyService keys;

    @Inject
    private PlatformClient client;

    @Inject
    private Clock clock;

    /** A token for the scope: the cached one while it lasts, else a new one from the platform. */
    public String token(LtiPlatform platform, String scope) throws IOException, InterruptedException {
        Instant now = clock.instant();
        Token cached = tokens.get(key(platform.getId(), scope));
        if (cached != null && cached.until().isAfter(now)) {
            return cached.value();
        }
        String assertion = keys.sign(new JWTClaimsSet.Builder().issuer(platform.getClientId())
                .subject(platform.getClientId()).audience(platform.getTokenUrl()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString()).build());
        PlatformClient.Grant grant = client.token(platform.getTokenUrl(), assertion, scope);
        tokens.put(key(platform.getId(), scope), new Token(grant.accessToken(),
                now.plusSeconds(Math.max(0, grant.expiresIn() - 60))));
        return grant.accessToken();
    }

    /** The platform refused the token: the next call asks for a new one. */
    public void forget(long platformId, String scope) {
        tokens.remove(key(platformId, scope));
    }

    private static String key(long platformId, String scope) {
        return platformId + " " + scope;
    }
}
