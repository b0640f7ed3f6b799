package org.securebase.application.signin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.OidcProvider;
import org.securebase.domain.account.SignInRefusal;
import org.securebase.infrastructure.security.SecretBox;
import org.securebase.infrastructure.signin.OidcClient;

/**
 * Signing in through a school's OpenID Connect provider: {@link #begin} sends the browser there with a fresh
 * state, nonce and PKCE verifier (the caller keeps them in the session); {@link #complete} takes the answer, has
 * the code exchanged and the id_token validated, and finds, links or creates the account through
 * {@link ExternalAccounts}.
 */
@Stateless
public class OidcSignInService {

    private static final Logger LOG = Logger.getLogger(OidcSignInService.class.getName());

    /** How long a person may take at the provider's sign-in page. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

    /** Where the browser goes, and what waits for its return. */
    public record Begun(URI authorizationUri, PendingSignIn pending) {
    }

    /** The account signed in, and the provider's sign-out address for it (null: the provider has none). */
    public record SignedIn(Account account, URI providerLogout) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private OidcClient oidc;

    @Inject
    private SecretBox secrets;

    @Inject
    private ExternalAccounts accounts;

    @Inject
    private Clock clock;

    public Begun begin(long providerId, URI redirectUri) {
        OidcProvider provider = provider(providerId);
        try {
            OidcClient.Start start = oidc.start(provider.getIssuer(), provider.getClientId(), redirectUri);
            return new Begun(start.authorizationUri(), new PendingSignIn(providerId, start.state(), start.nonce(),
                    start.codeVerifier(), clock.instant()));
        } catch (OidcClient.OidcException e) {
            throw new SignInFailure(SignInRefusal.PROVIDER, e.getMessage());
        }
    }

    /**
     * The provider's answer to a pending sign-in (already taken from the session, so it cannot be used twice):
     * the account it signs in as, or a {@link SignInFailure}.
     */
    public SignedIn complete(PendingSignIn pending, URI callback, URI redirectUri, URI afterLogout) {
        if (pending.startedAt().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            throw new SignInFailure(SignInRefusal.STATE, "expired");
        }
        OidcProvider provider = provider(pending.providerId());
        OidcClient.Verified verified;
        try {
            verified = oidc.finish(provider.getIssuer(), provider.getClientId(), secrets.open(provider.sealedSecret()),
                    callback, redirectUri, pending.codeVerifier(), pending.nonce());
        } catch (OidcClient.OidcException | IllegalStateException e) {
            throw new SignInFailure(SignInRefusal.PROVIDER, e.getMessage());
        }
        Account account = accounts.signIn(provider, verified.claims());
        URI logout = null;
        try {
            logout = oidc.logout(provider.getIssuer(), verified.idToken(), afterLogout);
        } catch (OidcClient.OidcException e) {
            LOG.warning(() -> "no provider sign-out for provider " + provider.getId() + ": " + e.getMessage());
        }
        return new SignedIn(account, logout);
    }

    private OidcProvider provider(long id) {
        OidcProvider provider = em.find(OidcProvider.class, id);
        if (provider == null) {
            throw new SignInFailure(SignInRefusal.UNKNOWN_PROVIDER, "provider " + id);
        }
        return provider;
    }
}
