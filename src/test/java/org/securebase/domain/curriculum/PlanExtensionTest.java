package org.securebase.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.securebase.domain.BusinessException;
import org.securebase.domain.curriculum.PlanStep.Standing;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;

class PlanExtensionTest {

    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-12-11T17:00:00Z");
    private static final Instant NEXT_FRIDAY = Instant.parse("2026-12-18T17:00:00Z");
    private static final School SCHOOL = new School("Northgate", Instant.EPOCH);

    private final Cohort cohort = new Cohort(SCHOOL, "Year 3", Instant.EPOCH);

    private PlanStep step() {
        PlanStep step = PlanStep.module(cohort, 0, "the-racing-heart");
        step.schedule(MONDAY, FRIDAY);
        return step;
    }

    private static String refusal(Runnable r) {
        return assertThrows(BusinessException.class, r::run).messageKey();
    }

    @Test
    void anExtensionMustBeLaterThanTheStepsDueDate() {
        PlanStep step = step();
        assertEquals("plan.extension.notLater", refusal(() -> PlanExtension.grant(step, cohort, 7, true, MONDAY,
                "ill", 1L, MONDAY)));
        assertEquals("plan.extension.notLater", refusal(() -> PlanExtension.grant(step, cohort, 7, true, FRIDAY,
                "ill", 1L, MONDAY)));
        assertEquals(NEXT_FRIDAY, PlanExtension.grant(step, cohort, 7, true, NEXT_FRIDAY, " ill ", 1L, MONDAY)
                .getDueAt());
    }

    @Test
    void aStudentOutsideTheCohortOrAStepOfAnotherCohortIsRefused() {
        PlanStep step = step();
        assertEquals("plan.extension.notInCohort", refusal(() -> PlanExtension.grant(step, cohort, 7, false,
                NEXT_FRIDAY, "ill", 1L, MONDAY)));
        Cohort other = new Cohort(SCHOOL, "Year 4", Instant.EPOCH);
        assertEquals("plan.extension.otherCohort", refusal(() -> PlanExtension.grant(step, other, 7, true,
                NEXT_FRIDAY, "ill", 1L, MONDAY)));
    }

    @Test
    void aReasonIsNeededAndAStepWithoutADueDateCannotBeExtended() {
        PlanStep step = step();
        assertEquals("plan.extension.reasonRequired",
                refusal(() -> PlanExtension.grant(step, cohort, 7, true, NEXT_FRIDAY,
                        "  ", 1L, MONDAY)));
        assertEquals("plan.extension.reasonRequired",
                refusal(() -> PlanExtension.grant(step, cohort, 7, true, NEXT_FRIDAY,
                        "x".repeat(PlanExtension.REASON_LENGTH + 1), 1L, MONDAY)));
        step.schedule(MONDAY, null);
        assertEquals("plan.extension.noDueDate", refusal(() -> PlanExtension.grant(step, cohort, 7, true,
                NEXT_FRIDAY, "ill", 1L, MONDAY)));
    }

    @Test
    void aWithdrawalHasNoDate() {
        assertNull(PlanExtension.withdraw(step(), 7, "", 1L, MONDAY).getDueAt());
    }

    @Test
    void theStandingFollowsTheExtendedDate() {
        PlanStep step = step();
        Instant saturday = FRIDAY.plusSeconds(86_400);
        assertEquals(Standing.OVERDUE, step.standing(saturday, null, true, null));
        assertEquals(Standing.IN_PROGRESS, step.standing(saturday, null, true, NEXT_FRIDAY));
        assertEquals(Standing.LATE, step.standing(saturday, saturday, true, null));
        assertEquals(Standing.ON_TIME, step.standing(saturday, saturday, true, NEXT_FRIDAY));
        assertEquals(Standing.LATE, step.standing(NEXT_FRIDAY.plusSeconds(60), NEXT_FRIDAY.plusSeconds(1), true,
                NEXT_FRIDAY));
        assertEquals(NEXT_FRIDAY, step.dueFor(NEXT_FRIDAY));
        assertEquals(FRIDAY, step.dueFor(null));
    }
}
