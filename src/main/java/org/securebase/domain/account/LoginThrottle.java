package org.securebase.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule against password guessing: at most {@value #MAX_FAILURES} failed sign-ins per login name from one source
 * within any hour, and {@value #MAX_FAILURES_ALL_SOURCES} from all sources together. Once reached, even the right
 * password is refused from that source (or, past the second limit, from anywhere) until the failure that filled
 * the window is an hour old. Guessing from one place therefore cannot lock the rightful user out of another; the
 * one-time link by mail lets them in even where they are throttled.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 100;
    public static final int MAX_FAILURES_ALL_SOURCES = 1000;
    public static final Duration WINDOW = Duration.ofHours(1);

    private LoginThrottle() {
    }

    /**
     * @param failuresInWindow times of failures within the last hour, oldest first
     * @return when sign-in will be possible again, or empty when it is possible now
     */
    public static Optional<Instant> lockedUntil(List<Instant> failuresInWindow, Instant now) {
        return lockedUntil(failuresInWindow, MAX_FAILURES, now);
    }

    /** One failed attempt: when it happened, and from where. */
    public record Attempt(Instant at, String source) {
    }

    /** When {@code source} may try this login name again, given the name's failures from every source. */
    public static Optional<Instant> lockedUntil(List<Attempt> failures, String source, Instant now) {
        Optional<Instant> here = lockedUntil(failures.stream().filter(f -> Objects.equals(f.source(), source))
                .map(Attempt::at).toList(), MAX_FAILURES, now);
        Optional<Instant> everywhere = lockedUntil(failures.stream().map(Attempt::at).toList(),
                MAX_FAILURES_ALL_SOURCES, now);
        return here.isEmpty() ? everywhere : everywhere.isEmpty() ? here
                : Optional.of(here.get().isAfter(everywhere.get()) ? here.get() : everywhere.get());
    }

    private static Optional<Instant> lockedUntil(List<Instant> failuresInWindow, int max, Instant now) {
        List<Instant> recent = failuresInWindow.stream().filter(t -> t.isAfter(now.minus(WINDOW))).sorted().toList();
        if (recent.size() < max) {
            return Optional.empty();
        }
        // The window frees a slot when the failure that made it full ages out.
        return Optional.of(recent.get(recent.size() - max).plus(WINDOW));
    }
}
