package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private record Ticket(String email, String role, String target, Instant expires) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public String issue(String email, String role) {
        return issue(email, role, null);
    }

    /** A ticket that also remembers where the launch was going (for continuing in a new window). */
    public String issue(String email, String role, String target) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        String id = org.securebase.infrastructure.security.Tokens.random(32);
        tickets.put(id, new Ticket(email, role, target, now.plus(LIFETIME)));
        return id;
    }

    /** Where a ticket's launch was going, without using it up. */
    public Optional<String> target(String id) {
        Ticket ticket = id == null ? null : tickets.get(id);
        return ticket == null || ticket.expires().isBefore(clock.instant()) ? Optional.empty()
                : Optional.ofNullable(ticket.target());
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
