package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.securebase.domain.Fixtures.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.LoginThrottle;

class LoginThrottleTest {

    private static List<Instant> failures(int count, Instant first) {
        List<Instant> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(first.plusSeconds(i));
        }
        return list;
    }

    @Test
    void ninetyNineFailuresInAnHourStillAllowSigningIn() {
        assertEquals(Optional.empty(), LoginThrottle.lockedUntil(failures(99, T0), T0.plusSeconds(120)));
    }

    @Test
    void theHundredthFailureLocksUntilTheOldestIsAnHourOld() {
        Instant now = T0.plusSeconds(200);
        assertEquals(Optional.of(T0.plusSeconds(3600)), LoginThrottle.lockedUntil(failures(100, T0), now));
    }

    @Test
    void failuresOlderThanAnHourDoNotCount() {
        List<Instant> list = failures(100, T0);
        assertEquals(Optional.empty(), LoginThrottle.lockedUntil(list, T0.plusSeconds(3600)),
                "the oldest failure has just aged out");
        assertTrue(LoginThrottle.lockedUntil(list, T0.plusSeconds(3599)).isPresent());
    }

    private static List<LoginThrottle.Attempt> from(String source, int count, Instant first) {
        return failures(count, first).stream().map(t -> new LoginThrottle.Attempt(t, source)).toList();
    }

    @Test
    void guessingFromOneSourcePausesThatSourceOnly() {
        Instant now = T0.plusSeconds(200);
        List<LoginThrottle.Attempt> attempts = from("203.0.113.7", 100, T0);
        assertEquals(Optional.of(T0.plusSeconds(3600)), LoginThrottle.lockedUntil(attempts, "203.0.113.7", now));
        assertEquals(Optional.empty(), LoginThrottle.lockedUntil(attempts, "198.51.100.20", now));
    }

    @Test
    void aThousandFailuresFromEverywherePauseEverySource() {
        List<LoginThrottle.Attempt> attempts = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            attempts.addAll(from("192.0.2." + s, 50, T0));
        }
        Instant now = T0.plusSeconds(100);
        assertTrue(LoginThrottle.lockedUntil(attempts, "198.51.100.20", now).isPresent(), "distributed guessing");
        assertEquals(Optional.empty(), LoginThrottle.lockedUntil(attempts.subList(0, 999), "198.51.100.20", now));
    }
}
