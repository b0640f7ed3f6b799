package org.securebase.infrastructure.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.domain.lti.LaunchRefusal;

/**
 * Checks an LTI 1.3 id_token with nimbus-jose-jwt: the RS256 signature against the platform's published keys
 * (cached, and fetched again when a token names a key id not in the cache), expiry, then each claim LTI requires,
 * each failure with its own reason.
 */
public final class IdTokenValidator {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String RESOURCE_LINK = LTI + "resource_link";
    public static final String ROLES = LTI + "roles";
    public static final String CONTEXT = LTI + "context";
    public static final String CUSTOM = LTI + "custom";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final List<String> MESSAGE_TYPES = List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest");

    private static final Duration SKEW = Duration.ofSeconds(60);

    /** One key source per JWKS address: the cache lives as long as the application. */
    private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    /** What the platform is registered with, for checking a token against. */
    public record Expected(String issuer, String clientId, String jwksUrl, List<String> deploymentIds,
            String nonce) {
    }

    public JWTClaimsSet validate(String idToken, Expected expected, Instant now) {
        if (idToken == null || idToken.isBlank()) {
            throw new InvalidIdToken(LaunchRefusal.MALFORMED, "no id_token");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source(expected.jwksUrl())));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(null, null);
        verifier.setMaxClockSkew((int) SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException e) {
            throw new InvalidIdToken(LaunchRefusal.MALFORMED, e.getMessage());
        } catch (BadJWSException e) {
            throw new InvalidIdToken(e.getMessage().contains("no matching key") ? LaunchRefusal.UNKNOWN_KEY
                    : LaunchRefusal.SIGNATURE, e.getMessage());
        } catch (BadJWTException e) {
            throw new InvalidIdToken(e.getMessage().contains("Expired") ? LaunchRefusal.EXPIRED
                    : LaunchRefusal.MALFORMED, e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidIdToken(e.getMessage() != null && e.getMessage().contains("no matching key")
                    ? LaunchRefusal.UNKNOWN_KEY : LaunchRefusal.SIGNATURE, String.valueOf(e.getMessage()));
        }
        check(claims, expected, now);
        return claims;
    }

    private static void check(JWTClaimsSet claims, Expected expected, Instant now) {
        for (String name : List.of("iss", "aud", "sub", "exp", "iat", "nonce", DEPLOYMENT_ID, MESSAGE_TYPE, VERSION)) {
            if (claims.getClaim(name) == null) {
                throw new InvalidIdToken(LaunchRefusal.MISSING_CLAIM, name);
            }
        }
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw new InvalidIdToken(LaunchRefusal.ISSUER, claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        if (!audience.contains(expected.clientId()) || (audience.size() > 1 && azp == null)
                || (azp != null && !expected.clientId().equals(azp))) {
            throw new InvalidIdToken(LaunchRefusal.AUDIENCE, audience + " azp=" + azp);
        }
        if (claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
            throw new InvalidIdToken(LaunchRefusal.ISSUED_AT, claims.getIssueTime().toString());
        }
        if (!expected.nonce().equals(String.valueOf(claims.getClaim("nonce")))) {
            throw new InvalidIdToken(LaunchRefusal.NONCE, "nonce does not match this login");
        }
        String deployment = String.valueOf(claims.getClaim(DEPLOYMENT_ID));
        if (!expected.deploymentIds().contains(deployment)) {
            throw new InvalidIdToken(LaunchRefusal.DEPLOYMENT, deployment);
        }
        String type = String.valueOf(claims.getClaim(MESSAGE_TYPE));
        if (!MESSAGE_TYPES.contains(type)) {
            throw new InvalidIdToken(LaunchRefusal.MESSAGE_TYPE, type);
        }
        if (!"1.3.0".equals(claims.getClaim(VERSION))) {
            throw new InvalidIdToken(LaunchRefusal.VERSION, String.valueOf(claims.getClaim(VERSION)));
        }
        if (type.equals("LtiResourceLinkRequest") && claims.getClaim(RESOURCE_LINK) == null) {
            throw new InvalidIdToken(LaunchRefusal.MISSING_CLAIM, RESOURCE_LINK);
        }
    }

    private JWKSource<SecurityContext> source(String jwksUrl) {
        return sources.computeIfAbsent(jwksUrl, url -> {
            try {
                // Cached for 5 minutes; a key id not in the cache makes it fetch again (at most every 30 s).
                return JWKSourceBuilder.<SecurityContext>create(OutboundAddress.require(url).toURL()).retrying(true)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new InvalidIdToken(LaunchRefusal.PLATFORM, "bad JWKS address " + url);
            }
        });
    }
}
