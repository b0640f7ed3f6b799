package org.securebase.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.securebase.domain.curriculum.PlanStep.Standing;
import org.securebase.domain.reflection.ReflectionStatus;

class ReviewQueueRowTest {

    private static final Instant FRIDAY = Instant.parse("2026-12-11T17:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-12-12T10:00:00Z");
    private static final Instant NEXT_FRIDAY = Instant.parse("2026-12-18T17:00:00Z");

    private final ReviewQueueRow row = new ReviewQueueRow(1L, "Ana", "the-racing-heart", "The racing heart",
            ReflectionStatus.SUBMITTED, SATURDAY);

    @Test
    void aSubmissionAfterTheStepsDateIsLateWithoutAnExtension() {
        ReviewQueueRow dated = row.dated(FRIDAY, SATURDAY, false);
        assertEquals(Standing.LATE, dated.standing());
        assertEquals(FRIDAY, dated.due());
        assertFalse(dated.extended());
    }

    @Test
    void theSameSubmissionIsOnTimeAgainstTheStudentsExtendedDate() {
        ReviewQueueRow dated = row.dated(NEXT_FRIDAY, SATURDAY, true);
        assertEquals(Standing.ON_TIME, dated.standing());
        assertEquals(NEXT_FRIDAY, dated.due());
        assertTrue(dated.extended());
    }
}
