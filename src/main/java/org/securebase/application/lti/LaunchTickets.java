package org.securebase.application.lti;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.securebase.application.Caller;
import org.securebase.infrastructure.security.Tokens;

/**
 * One-time tickets that carry a validated launch into a sign-in: the launch servlet gets one and spends it at once;
 * a framed launch gets a second one for continuing in a new window. Each works once, for a minute, in this server
 * only.
 */
@ApplicationScoped
public class LaunchTickets {

    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private record Ticket(Caller caller, String target, Instant expires) {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public String issue(Caller caller) {
        return issue(caller, null);
    }

    /** A ticket that also remembers where the launch was going (for continuing in a new window). */
    public String issue(Caller caller, String target) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        String id = Tokens.random(32);
        tickets.put(id, new Ticket(caller, target, now.plus(LIFETIME)));
        return id;
    }

    /** Where a ticket's launch was going, without using it up. */
    public Optional<String> target(String id) {
        Ticket ticket = id == null ? null : tickets.get(id);
        return ticket == null || ticket.expires().isBefore(clock.instant()) ? Optional.empty()
                : Optional.ofNullable(ticket.target());
    }

    /** The caller the ticket was issued for, once. */
    public Optional<Caller> spend(String id) {
        Ticket ticket = id == null ? null : tickets.remove(id);
        if (ticket == null || ticket.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(ticket.caller());
    }
}
