package org.securebase.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Invitation;
import org.securebase.infrastructure.security.PasswordHasher;
import org.securebase.infrastructure.security.Tokens;

/**
 * Invitations to set a password: a one-time link that expires (INVITATION_DAYS, default 14), mailed when mail is
 * configured and logged otherwise; the administrator also gets the links once, to hand out another way.
 */
@Stateless
public class InvitationService {

    public static final int PASSWORD_MIN = 12;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "invitation.days", defaultValue = "14")
    private int days;

    @Inject
    private PageLinks links;

    @Inject
    private AccountService accounts;

    /** Creates an invitation and sends it; returns the link (shown to the administrator once). */
    public String invite(Account account) {
        String encoded = Tokens.random(32);
        java.time.Instant expires = clock.instant().plus(Duration.ofDays(days));
        em.persist(new Invitation(account, hash(encoded), clock.instant(), expires));
        String link = links.invitation(encoded);
        mail.queue(account.getEmail(), MailTexts.text(account, "mail.invitation.subject"),
                MailTexts.text(account, "mail.invitation.body", account.getDisplayName(), link, days,
                        MailTexts.when(account, expires)));
        return link;
    }

    /** The account an unused, unexpired invitation is for; anything else is a clear refusal. */
    public Account check(String token) {
        return find(token).getAccount();
    }

    /** Links a person may ask for within an hour: enough for a lost mail, too few to flood their inbox. */
    static final int SIGN_IN_LINKS_PER_HOUR = 3;
    static final Duration SIGN_IN_LINK_LIFETIME = Duration.ofMinutes(30);

    /**
     * Mails a one-time sign-in link to the account with this address, if there is one that can receive mail and it
     * has not had {@value #SIGN_IN_LINKS_PER_HOUR} links within the hour. The caller learns nothing either way, so
     * the form says nothing about which accounts exist.
     */
    public void sendSignInLink(String email) {
        Account account = em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normaliseEmail(email)).getResultStream().findFirst()
                .filter(Account::isEnabled).filter(a -> !a.getEmail().endsWith(".invalid")).orElse(null);
        // A school that signs its people in through its own provider only gets no mailed way around it.
        if (account == null || accounts.passwordSignInOff(account)
                || em.createQuery("select count(i) from Invitation i where i.account = :account "
                        + "and i.purpose = :purpose and i.createdAt > :since", Long.class)
                        .setParameter("account", account)
                        .setParameter("purpose", Invitation.Purpose.SIGN_IN)
                        .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
                        .getSingleResult() >= SIGN_IN_LINKS_PER_HOUR) {
            return;
        }
        String encoded = Tokens.random(32);
        em.persist(new Invitation(account, Invitation.Purpose.SIGN_IN, hash(encoded), clock.instant(),
                clock.instant().plus(SIGN_IN_LINK_LIFETIME)));
        String link = links.signInLink(encoded);
        mail.queue(account.getEmail(), MailTexts.text(account, "mail.signInLink.subject"),
                MailTexts.text(account, "mail.signInLink.body", account.getDisplayName(), link,
                        SIGN_IN_LINK_LIFETIME.toMinutes()));
    }

    /** The account a one-time sign-in link is for; it is used up. */
    public Account redeemSignInLink(String token) {
        Invitation link = find(token, Invitation.Purpose.SIGN_IN);
        link.redeem(clock.instant());
        em.flush();
        return link.getAccount();
    }

    /** Sets the password and uses up the invitation. */
    public Account accept(String token, char[] password) {
        Invitation invitation = find(token);
        if (password == null || password.length < PASSWORD_MIN) {
            throw new BusinessException("invitation.passwordShort", "password too short");
        }
        invitation.redeem(clock.instant());
        Account account = invitation.getAccount();
        account.changePassword(hasher.hash(password), clock.instant());
        em.flush();
        return account;
    }

    private Invitation find(String token) {
        return find(token, Invitation.Purpose.PASSWORD);
    }

    /** An unused, unexpired link of this purpose; anything else is a clear refusal. */
    Invitation find(String token, Invitation.Purpose purpose) {
        Invitation invitation = token == null || token.isBlank() ? null : em.createQuery(
                "select i from Invitation i join fetch i.account where i.tokenHash = :hash and i.purpose = :purpose",
                Invitation.class).setParameter("hash", hash(token.strip())).setParameter("purpose", purpose)
                .getResultStream().findFirst().orElse(null);
        if (invitation == null) {
            throw new BusinessException("invitation.unknown", "no such invitation");
        }
        if (invitation.isUsed()) {
            throw new BusinessException("invitation.used", "used");
        }
        if (!clock.instant().isBefore(invitation.getExpiresAt())) {
            throw new BusinessException("invitation.expired", "expired");
        }
        return invitation;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
