package org.securebase.application.lti;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.securebase.application.Caller;
import org.securebase.domain.lti.LaunchTicket;
import org.securebase.infrastructure.security.Tokens;

/**
 * One-time tickets that carry a validated launch into a sign-in: the launch servlet gets one and spends it at once;
 * a framed launch gets a second one for continuing in a new window. Each works once, for a minute, on whichever
 * server the browser reaches: they are rows ({@link LaunchTicket}), and only a hash of each is stored.
 */
@Stateless
public class LaunchTickets {

    private static final Duration LIFETIME = Duration.ofMinutes(1);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    public String issue(Caller caller) {
        return issue(caller, null);
    }

    /** A ticket that also remembers where the launch was going (for continuing in a new window). */
    public String issue(Caller caller, String target) {
        Instant now = clock.instant();
        em.createNamedQuery("LaunchTicket.purge").setParameter("now", now).executeUpdate();
        String id = Tokens.random(32);
        em.persist(new LaunchTicket(hash(id), caller.accountId(), caller.role(), caller.schoolId(), target,
                now.plus(LIFETIME)));
        return id;
    }

    /** Where a ticket's launch was going, without using it up. */
    public Optional<String> target(String id) {
        LaunchTicket ticket = id == null ? null : em.find(LaunchTicket.class, hash(id));
        return ticket == null || !ticket.isValid(clock.instant()) ? Optional.empty()
                : Optional.ofNullable(ticket.getTarget());
    }

    /**
     * The caller the ticket was issued for, once: the row is deleted, and only the transaction whose delete took it
     * (two servers spending the same ticket at once: the second deletes nothing) gets the caller.
     */
    public Optional<Caller> spend(String id) {
        LaunchTicket ticket = id == null ? null : em.find(LaunchTicket.class, hash(id));
        if (ticket == null) {
            return Optional.empty();
        }
        Caller caller = new Caller(ticket.getAccountId(), ticket.getRole(), ticket.getSchoolId());
        boolean valid = ticket.isValid(clock.instant());
        em.detach(ticket);
        int taken = em.createNamedQuery("LaunchTicket.spend").setParameter("hash", hash(id)).executeUpdate();
        return taken == 1 && valid ? Optional.of(caller) : Optional.empty();
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
