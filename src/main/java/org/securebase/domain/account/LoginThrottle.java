package org.securebase.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule against password guessing: at most {@value #MAX_FAILURES} failed sign-ins per login name within
 * any hour. Once reached, even the right password is refused until the oldest failure in the window is an
 * hour old.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 100;
    public static final Duration WINDOW = Duration.ofHours(1);

    private LoginThrottle() {
    }

    /**
     * @param failuresInWindow times of failures within the last hour, oldest first
     * @return when sign-in will be possible again, or empty when it is possible now
     */
    public static Optional<Instant> lockedUntil(List<Instant> failuresInWindow, Instant now) {
        List<Instant> recent = failuresInWindow.stream().filter(t -> t.isAfter(now.minus(WINDOW))).sorted().toList();
        if (recent.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        // The window frees a slot when the failure that made it full ages out.
        return Optional.of(recent.get(recent.size() - MAX_FAILURES).plus(WINDOW));
    }
}
