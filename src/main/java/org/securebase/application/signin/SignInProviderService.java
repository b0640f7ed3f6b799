package org.securebase.application.signin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.OidcProvider;
import org.securebase.domain.account.Role;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.lti.OutboundAddress;
import org.securebase.infrastructure.security.SecretBox;
import org.securebase.infrastructure.signin.OidcClient;

/**
 * The schools' OpenID Connect providers: each school's administrator sees and sets her own school's only (another
 * school's does not exist for her); the login page lists every school's button (AccountService refuses password
 * sign-in for a school that switched it off).
 */
@Stateless
public class SignInProviderService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SecretBox secrets;

    @Inject
    private OidcClient oidc;

    @Inject
    private Clock clock;

    /** The administrator's school's provider, if it registered one. */
    public Optional<OidcProvider> provider(Account admin) {
        requireAdmin(admin);
        return ofSchool(admin.getSchool());
    }

    /**
     * Registers or changes the school's provider. The issuer must answer OpenID Connect discovery now, so a typing
     * mistake shows at once rather than at the first person's sign-in.
     */
    public OidcProvider save(Account admin, ProviderForm form) {
        requireAdmin(admin);
        Optional<OidcProvider> existing = ofSchool(admin.getSchool());
        if (blank(form.displayName()) || blank(form.issuer()) || blank(form.clientId())
                || (existing.isEmpty() && blank(form.clientSecret()))) {
            throw new BusinessException("signin.admin.required", "missing field");
        }
        String issuer = form.issuer().strip();
        if (issuer.endsWith("/")) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        if (form.displayName().strip().length() > OidcProvider.NAME_MAX || issuer.length() > OidcProvider.URL_MAX
                || form.clientId().strip().length() > OidcProvider.CLIENT_ID_MAX
                || length(form.emailClaim()) > OidcProvider.CLAIM_MAX
                || length(form.rolesClaim()) > OidcProvider.CLAIM_MAX
                || length(form.clientSecret()) > 1000) {
            throw new BusinessException("signin.admin.tooLong", "field too long");
        }
        String problem = OutboundAddress.problem(issuer);
        if (problem != null) {
            throw new BusinessException("signin.admin.badIssuer", issuer + ": " + problem);
        }
        try {
            oidc.metadata(issuer);
        } catch (OidcClient.OidcException e) {
            throw new BusinessException("signin.admin.noDiscovery", e.getMessage());
        }
        Role role = form.newRole() == Role.TUTOR ? Role.TUTOR : Role.STUDENT;
        OidcProvider provider = existing.orElseGet(() -> new OidcProvider(admin.getSchool(), clock.instant()));
        provider.configure(form.displayName().strip(), issuer, form.clientId().strip(),
                blank(form.clientSecret()) ? null : secrets.seal(form.clientSecret().strip()), form.emailClaim(),
                form.rolesClaim(), form.createAccounts(), role, form.passwordSignInOff(), clock.instant());
        if (existing.isEmpty()) {
            em.persist(provider);
        }
        return provider;
    }

    /** Every school's provider, for the login page's buttons. */
    public List<ProviderChoice> choices() {
        return em.createNamedQuery("OidcProvider.all", OidcProvider.class).getResultStream()
                .map(p -> new ProviderChoice(p.getId(), p.getDisplayName())).toList();
    }

    private Optional<OidcProvider> ofSchool(School school) {
        return em.createNamedQuery("OidcProvider.ofSchool", OidcProvider.class).setParameter("school", school)
                .getResultStream().findFirst();
    }

    private static int length(String s) {
        return s == null ? 0 : s.strip().length();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireAdmin(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("sign-in administration for " + admin.getRole());
        }
    }
}
