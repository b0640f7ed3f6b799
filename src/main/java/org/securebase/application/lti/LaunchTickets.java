package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that carry a validated launch into the container's sign-in within the same request: the
 * launch servlet gets one, the identity store spends it. Each works once, for a minute, in this server only.
 */
@ApplicationScoped
public class LaunchTickets {

    private static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Ticket(String email, String role, Instant expires) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public String issue(String email, String role) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(id, new Ticket(email, role, now.plus(LIFETIME)));
        return id;
    }

    /** The caller and role the ticket was issued for, once. */
    public Optional<String[]> spend(String id) {
        Ticket ticket = id == null ? null : tickets.remove(id);
        if (ticket == null || ticket.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new String[] {ticket.email(), ticket.role()});
    }
}
