package org.securebase.application.signin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.ExternalIdentity;
import org.securebase.domain.account.OidcProvider;
import org.securebase.domain.account.SignInRefusal;

/**
 * Who a validated id_token lets in. An identity (registration, subject) seen before: its account. Otherwise the
 * school's account with the address the provider says it verified is linked to it, once; an address it has not
 * verified links nothing, and the same address at another school is not this school's person. Nobody known:
 * a new account when the school allows it, else refused. Never another school's account, never a raised role.
 */
@Dependent
public class ExternalAccounts {

    private static final Logger LOG = Logger.getLogger(ExternalAccounts.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The account these claims of this provider sign in as, or a {@link SignInFailure}. */
    public Account signIn(OidcProvider provider, Map<String, Object> claims) {
        String subject = string(claims.get("sub"));
        if (subject == null || subject.length() > ExternalIdentity.SUBJECT_MAX) {
            throw new SignInFailure(SignInRefusal.PROVIDER, "no usable subject");
        }
        Optional<ExternalIdentity> known = em.createNamedQuery("ExternalIdentity.bySubject", ExternalIdentity.class)
                .setParameter("provider", provider).setParameter("subject", subject).getResultStream().findFirst();
        if (known.isPresent()) {
            Account account = known.get().getAccount();
            if (!account.isEnabled()) {
                throw new SignInFailure(SignInRefusal.DISABLED, "account " + account.getId());
            }
            known.get().signedIn(clock.instant());
            return account;
        }
        String email = string(claim(claims, provider.getEmailClaim()));
        boolean verified = Boolean.TRUE.equals(claims.get("email_verified"));
        Optional<Account> byEmail = email == null ? Optional.empty()
                : em.createNamedQuery("Account.byEmail", Account.class)
                        .setParameter("email", Account.normaliseEmail(email)).getResultStream().findFirst();
        if (byEmail.isPresent()) {
            Account account = byEmail.get();
            if (account.getSchool() == null || !account.getSchool().equals(provider.getSchool())) {
                LOG.warning(() -> "OIDC provider " + provider.getId() + " vouches for an address of another school's"
                        + " account (" + account.getId() + "): not linked");
                throw new SignInFailure(SignInRefusal.NOT_ENROLLED, "address of another school");
            }
            if (!verified) {
                throw new SignInFailure(SignInRefusal.EMAIL_NOT_VERIFIED, "email_verified is not true");
            }
            if (!account.isEnabled()) {
                throw new SignInFailure(SignInRefusal.DISABLED, "account " + account.getId());
            }
            if (em.createNamedQuery("ExternalIdentity.ofAccount", ExternalIdentity.class)
                    .setParameter("provider", provider).setParameter("account", account).getResultStream()
                    .findAny().isPresent()) {
                throw new SignInFailure(SignInRefusal.LINKED_ELSEWHERE, "account " + account.getId());
            }
            em.persist(new ExternalIdentity(provider, subject, account, clock.instant()));
            LOG.info(() -> "OIDC identity of provider " + provider.getId() + " linked to account " + account.getId());
            return account;
        }
        if (!provider.isCreateAccounts()) {
            throw new SignInFailure(SignInRefusal.NOT_ENROLLED, "no account, and the school creates none");
        }
        if (email == null || !verified || email.length() > Account.EMAIL_MAX
                || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new SignInFailure(SignInRefusal.EMAIL_NOT_VERIFIED, "no verified address to create an account");
        }
        String name = string(claims.get("name"));
        if (name == null) {
            name = ((string(claims.get("given_name")) == null ? "" : string(claims.get("given_name"))) + " "
                    + (string(claims.get("family_name")) == null ? "" : string(claims.get("family_name")))).strip();
        }
        if (name.isEmpty()) {
            name = email;
        }
        if (name.length() > Account.NAME_MAX) {
            name = name.substring(0, Account.NAME_MAX);
        }
        Account created = new Account(email, name, provider.roleFor(roles(claims, provider)), provider.getSchool(),
                null, clock.instant());
        em.persist(created);
        em.persist(new ExternalIdentity(provider, subject, created, clock.instant()));
        LOG.info(() -> "OIDC provider " + provider.getId() + " created account " + created.getId() + " as "
                + created.getRole());
        return created;
    }

    /** The values of the provider's roles claim (a list or one text; a dotted name reaches into objects). */
    private static List<String> roles(Map<String, Object> claims, OidcProvider provider) {
        Object value = provider.rolesClaim().map(name -> claim(claims, name)).orElse(null);
        List<String> roles = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> roles.add(String.valueOf(v)));
        } else if (value instanceof String s) {
            roles.add(s);
        }
        return roles;
    }

    /** A claim by name; "realm_access.roles" reaches into the object "realm_access". */
    static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object value = claims;
        for (String part : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static String string(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
