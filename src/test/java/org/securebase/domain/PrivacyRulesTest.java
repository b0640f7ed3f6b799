package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.privacy.RetentionPolicy;
import org.securebase.domain.school.School;

class PrivacyRulesTest {

    @Test
    void aReflectionExactlyThePeriodAfterTheEndIsKeptThatDayAndGoesTheNext() {
        LocalDate end = LocalDate.of(2026, 7, 31);
        assertEquals(LocalDate.of(2026, 8, 31), RetentionPolicy.deleteFrom(end, 30));
        assertEquals(LocalDate.of(2026, 8, 1), RetentionPolicy.deleteFrom(end, 0), "0 days: gone the day after");
    }

    @Test
    void aPeriodOutsideZeroToTenYearsIsRefused() {
        RetentionPolicy policy = new RetentionPolicy(new School("S", Instant.EPOCH), Instant.EPOCH);
        assertThrows(BusinessException.class, () -> policy.keep(-1, null, Instant.EPOCH));
        assertThrows(BusinessException.class, () -> policy.keep(null, RetentionPolicy.MAX_DAYS + 1, Instant.EPOCH));
        policy.keep(30, null, Instant.EPOCH);
        assertEquals(30, policy.reflectionDays().orElseThrow());
        assertTrue(policy.balintDays().isEmpty(), "no Balint limit: kept");
    }

    @Test
    void onlyRealTimeZonesAreKept() {
        Account a = new Account("a@example.org", "A", Role.STUDENT, null, null, Instant.EPOCH);
        assertTrue(a.zone().isEmpty());
        assertFalse(a.livesIn("Mars/Olympus_Mons"));
        assertFalse(a.livesIn("'; drop table account; --"));
        assertTrue(a.zone().isEmpty(), "nothing kept from bad input");
        assertTrue(a.livesIn("America/Sao_Paulo"));
        assertEquals(ZoneId.of("America/Sao_Paulo"), a.zone().orElseThrow());
    }

    @Test
    void theStandInForAnErasedPersonCannotSignInAndHasNoAddress() {
        Account stand = Account.pseudonym("Erased person #3", 3, Role.TUTOR, null, Instant.EPOCH);
        assertFalse(stand.isEnabled());
        assertEquals("Erased person #3", stand.getDisplayName());
        assertTrue(stand.getEmail().endsWith("@erased.invalid"));
        assertEquals(null, stand.getPasswordHash());
    }
}
