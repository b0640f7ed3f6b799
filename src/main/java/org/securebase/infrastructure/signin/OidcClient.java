package org.securebase.infrastructure.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.infrastructure.lti.OutboundAddress;

/**
 * The relying-party side of OpenID Connect, all of it done by the Nimbus OAuth 2.0 SDK: the provider's discovery
 * document (kept for ten minutes), the authorization request (code flow, PKCE S256, state and nonce), the token
 * request (client secret, basic), the id_token's validation (signature by the provider's JWKS, issuer, audience,
 * expiry, nonce) and the end-session address. No protocol parsing and no cryptography here.
 */
@ApplicationScoped
public class OidcClient {

    private static final int TIMEOUT_MS = 5000;
    private static final Duration METADATA_TTL = Duration.ofMinutes(10);
    /** Signatures accepted on id_tokens: asymmetric only (never "none", never one made with the client secret). */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(JWSAlgorithm.Family.SIGNATURE.stream()
            .filter(a -> JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)).toList());

    /** Why a sign-in cannot go on: the provider cannot be reached, answered with an error, or sent a bad token. */
    public static class OidcException extends Exception {

        private static final long serialVersionUID = 1L;

        public OidcException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the browser is sent to, and what the callback must check against, kept by the caller. */
    public record Start(URI authorizationUri, String state, String nonce, String codeVerifier) {
    }

    /** A validated id_token: its claims, and its text for the end-session request. */
    public record Verified(Map<String, Object> claims, String idToken) {
    }

    private record Discovered(OIDCProviderMetadata metadata, IdTokenCheck check, Instant at) {
    }

    private record IdTokenCheck(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
    }

    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    /** The provider's metadata from {@code <issuer>/.well-known/openid-configuration}, checked to name the issuer. */
    public OIDCProviderMetadata metadata(String issuer) throws OidcException {
        return discover(issuer).metadata();
    }

    private Discovered discover(String issuer) throws OidcException {
        Discovered known = discovered.get(issuer);
        if (known != null && known.at().plus(METADATA_TTL).isAfter(Instant.now())) {
            return known;
        }
        String problem = OutboundAddress.problem(issuer);
        if (problem != null) {
            throw new OidcException("issuer " + issuer + ": " + problem, null);
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
            for (URI uri : List.of(metadata.getTokenEndpointURI(), metadata.getJWKSetURI())) {
                String refused = OutboundAddress.problem(uri.toString());
                if (refused != null) {
                    throw new OidcException(uri + ": " + refused, null);
                }
            }
            Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null ? Set.of(JWSAlgorithm.RS256)
                    : Set.copyOf(metadata.getIDTokenJWSAlgs().stream().filter(ASYMMETRIC::contains).toList());
            if (algorithms.isEmpty()) {
                throw new OidcException("the provider signs id_tokens with no asymmetric algorithm", null);
            }
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS))
                    .build();
            Discovered fresh = new Discovered(metadata, new IdTokenCheck(keys, algorithms), Instant.now());
            discovered.put(issuer, fresh);
            return fresh;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            throw new OidcException("discovery of " + issuer + " failed: " + e.getMessage(), e);
        }
    }

    /** The address of the provider's sign-in page for this request, with fresh state, nonce and code verifier. */
    public Start start(String issuer, String clientId, URI redirectUri) throws OidcException {
        OIDCProviderMetadata metadata = metadata(issuer);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(clientId), redirectUri).endpointURI(metadata.getAuthorizationEndpointURI()).state(state)
                .nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        return new Start(uri, state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /**
     * The code from the provider's answer (the callback's full address) exchanged for tokens, and the id_token
     * validated for this client and nonce. The state was checked by the caller, who found the request by it.
     */
    public Verified finish(String issuer, String clientId, String clientSecret, URI callback, URI redirectUri,
            String codeVerifier, String nonce) throws OidcException {
        AuthorizationCode code;
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(callback);
            if (!response.indicatesSuccess()) {
                AuthenticationErrorResponse error = response.toErrorResponse();
                ErrorObject object = error.getErrorObject();
                throw new OidcException("the provider answered " + object.getCode() + ": "
                        + object.getDescription(), null);
            }
            code = response.toSuccessResponse().getAuthorizationCode();
            if (code == null) {
                throw new OidcException("no authorization code in the answer", null);
            }
        } catch (ParseException e) {
            throw new OidcException("an answer that is not OpenID Connect: " + e.getMessage(), e);
        }
        Discovered provider = discover(issuer);
        try {
            TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
                    new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(codeVerifier)));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse tokens = OIDCTokenResponseParser.parse(http.send());
            if (!tokens.indicatesSuccess()) {
                ErrorObject error = tokens.toErrorResponse().getErrorObject();
                throw new OidcException("token request refused: " + error.getCode() + " " + error.getDescription(),
                        null);
            }
            JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new OidcException("no id_token in the token response", null);
            }
            return validate(issuer, clientId, idToken.serialize(), nonce);
        } catch (ParseException | IOException | ClassCastException e) {
            throw new OidcException("token request failed: " + e.getMessage(), e);
        }
    }

    /**
     * An id_token checked for this issuer and client: signed by one of the provider's keys with an asymmetric
     * algorithm it announces, issued by it, for this client (audience), not expired, and carrying the nonce.
     */
    public Verified validate(String issuer, String clientId, String idToken, String nonce) throws OidcException {
        Discovered provider = discover(issuer);
        IDTokenValidator validator = new IDTokenValidator(provider.metadata().getIssuer(), new ClientID(clientId),
                new JWSVerificationKeySelector<>(provider.check().algorithms(), provider.check().keys()), null);
        try {
            IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken),
                    nonce == null ? null : new Nonce(nonce));
            return new Verified(claims.toJWTClaimsSet().getClaims(), idToken);
        } catch (BadJOSEException | JOSEException | java.text.ParseException
                | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcException("id_token refused: " + e.getMessage(), e);
        }
    }

    /** The provider's end-session address for this id_token, if it has one; afterwards it sends the browser back. */
    public URI logout(String issuer, String idToken, URI afterwards) throws OidcException {
        OIDCProviderMetadata metadata = metadata(issuer);
        if (metadata.getEndSessionEndpointURI() == null) {
            return null;
        }
        try {
            return new LogoutRequest(metadata.getEndSessionEndpointURI(), JWTParser.parse(idToken), afterwards, null)
                    .toURI();
        } catch (java.text.ParseException e) {
            throw new OidcException("not an id_token: " + e.getMessage(), e);
        }
    }
}
