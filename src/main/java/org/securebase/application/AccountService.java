package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.LoginFailure;
import org.securebase.domain.account.LoginThrottle;
import org.securebase.domain.account.Role;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.security.PasswordHasher;

/** Accounts and sign-in: password checks, the failed-login throttle, account creation. */
@Stateless
public class AccountService {

    /** What a sign-in attempt came to. */
    /** PASSWORD_OFF: the right password, but the account's school signs its people in through its provider only. */
    public enum Outcome {
        SUCCESS, INVALID, THROTTLED, PASSWORD_OFF
    }

    public record SignIn(Outcome outcome, Account account) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    /**
     * Checks a login name and password from a source (the client's address). Every failure is recorded, whether or
     * not the name exists, and the throttle refuses even a right password once the name has had too many failures
     * from that source, or from all sources together, within the hour.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SignIn signIn(String loginName, char[] password, String source) {
        String name = Account.normaliseEmail(loginName);
        Instant now = clock.instant();
        if (lockedUntil(name, source, now).isPresent()) {
            return new SignIn(Outcome.THROTTLED, null);
        }
        Optional<Account> account = findByEmail(name).filter(Account::isEnabled);
        boolean ok = account.isPresent() ? hasher.verify(password, account.get().getPasswordHash())
                : hasher.verifyDecoy(password);
        if (ok && passwordSignInOff(account.get())) {
            return new SignIn(Outcome.PASSWORD_OFF, null);
        }
        if (ok) {
            return new SignIn(Outcome.SUCCESS, account.get());
        }
        em.persist(new LoginFailure(name, source, now));
        em.createNamedQuery("LoginFailure.purge").setParameter("before", now.minus(LoginThrottle.WINDOW))
                .executeUpdate();
        return new SignIn(lockedUntil(name, source, now).isPresent() ? Outcome.THROTTLED : Outcome.INVALID, null);
    }

    /** Whether the account's school switched password sign-in off (its provider's switch); never the operator. */
    public boolean passwordSignInOff(Account account) {
        return account.getSchool() != null && em.createNamedQuery("OidcProvider.passwordOff", Long.class)
                .setParameter("school", account.getSchool()).getSingleResult() > 0;
    }

    /** When the login name may try again from this source, if it is throttled there now. */
    public Optional<Instant> lockedUntil(String loginName, String source) {
        return lockedUntil(Account.normaliseEmail(loginName), source, clock.instant());
    }

    private Optional<Instant> lockedUntil(String name, String source, Instant now) {
        List<LoginThrottle.Attempt> failures = em.createNamedQuery("LoginFailure.since", Object[].class)
                .setParameter("name", name).setParameter("since", now.minus(LoginThrottle.WINDOW))
                .getResultList().stream().map(r -> new LoginThrottle.Attempt((Instant) r[0], (String) r[1])).toList();
        return LoginThrottle.lockedUntil(failures, source, now);
    }

    public Optional<Account> findByEmail(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normaliseEmail(email)).getResultStream().findFirst();
    }

    public Account create(String email, String displayName, Role role, School school, char[] password) {
        Account account = new Account(email, displayName, role, school, hasher.hash(password), clock.instant());
        em.persist(account);
        return account;
    }

    /** Keeps the language the person chose, for their pages and their mail. */
    public void chooseLanguage(Account account, String languageTag) {
        Account managed = em.find(Account.class, account.getId());
        if (managed != null) {
            managed.speaks(languageTag);
        }
    }

    /** Keeps the time zone the person chose or their browser reported; an unknown zone changes nothing. */
    public boolean chooseZone(Account account, String zoneId) {
        Account managed = em.find(Account.class, account.getId());
        return managed != null && managed.livesIn(zoneId);
    }

    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }
}
