package org.securebase.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.securebase.domain.BusinessException;
import org.securebase.domain.curriculum.PlanStep.Standing;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;

class PlanStepTest {

    private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-12-11T17:00:00Z");

    private static PlanStep step() {
        return PlanStep.module(new Cohort(new School("Northgate", Instant.EPOCH), "Year 3", Instant.EPOCH), 0,
                "the-racing-heart");
    }

    @Test
    void aStepDueBeforeItOpensIsRefusedAndKeepsItsDates() {
        PlanStep step = step();
        step.schedule(MONDAY, FRIDAY);
        BusinessException refused = assertThrows(BusinessException.class, () -> step.schedule(FRIDAY, MONDAY));
        assertEquals("plan.dueBeforeRelease", refused.messageKey());
        assertEquals(MONDAY, step.getReleaseAt());
        assertEquals(FRIDAY, step.getDueAt());
        step.schedule(null, null);
        assertNull(step.getReleaseAt());
        assertTrue(step.isReleased(Instant.EPOCH), "without a release date a step is open");
    }

    @Test
    void theStandingFollowsTheDatesAndTheFirstSubmission() {
        PlanStep step = step();
        step.schedule(MONDAY, FRIDAY);
        assertFalse(step.isReleased(MONDAY.minusSeconds(1)));
        assertTrue(step.isReleased(MONDAY), "open from the minute of its release");
        assertEquals(Standing.NOT_RELEASED, step.standing(MONDAY.minusSeconds(1), null, false));
        assertEquals(Standing.NOT_STARTED, step.standing(MONDAY, null, false));
        assertEquals(Standing.IN_PROGRESS, step.standing(FRIDAY, null, true), "due at the minute: not yet overdue");
        assertEquals(Standing.OVERDUE, step.standing(FRIDAY.plusSeconds(1), null, true));
        assertEquals(Standing.OVERDUE, step.standing(FRIDAY.plusSeconds(1), null, false));
        assertEquals(Standing.ON_TIME, step.standing(FRIDAY.plusSeconds(99), FRIDAY, true));
        assertEquals(Standing.LATE, step.standing(FRIDAY.plusSeconds(99), FRIDAY.plusSeconds(1), true));
        assertTrue(Standing.LATE.isDone() && Standing.ON_TIME.isDone() && !Standing.OVERDUE.isDone());
        step.schedule(null, null);
        assertEquals(Standing.ON_TIME, step.standing(FRIDAY, FRIDAY, true), "without a due date, done is on time");
    }

    @Test
    void aMilestoneAddsTheSchoolsInstrumentsOnceAndAModuleRefusesThem() {
        Cohort cohort = new Cohort(new School("Northgate", Instant.EPOCH), "Year 3", Instant.EPOCH);
        PlanStep milestone = PlanStep.milestone(cohort, 1, "start");
        milestone.addInstrument("our-scale");
        assertEquals("plan.alreadyInPlan",
                assertThrows(BusinessException.class, () -> milestone.addInstrument("our-scale")).messageKey());
        assertEquals(java.util.List.of("our-scale"), milestone.instruments());
        assertEquals("plan.instrument.notMilestone",
                assertThrows(BusinessException.class, () -> step().addInstrument("our-scale")).messageKey());
        milestone.removeInstrument("our-scale");
        assertTrue(milestone.instruments().isEmpty());
    }

    @Test
    void aCurriculumWithAPlansInstrumentsAsksForThemAfterItsOwnAtThatMilestoneOnly() {
        CurriculumDefinition curriculum = new CurriculumDefinition("c", "C", "", java.util.List.of(
                new CurriculumDefinition.Milestone("start", "Start", java.util.List.of("shared-one"), false),
                new CurriculumDefinition.ModuleStep("the-racing-heart"),
                new CurriculumDefinition.Milestone("end", "End", java.util.List.of("shared-one"), true)));
        CurriculumDefinition planned = curriculum.withInstruments(java.util.Map.of("start",
                java.util.List.of("our-scale", "shared-one")));
        assertEquals(java.util.List.of("shared-one", "our-scale"), planned.milestones().get(0).instruments(),
                "the curriculum's first, an instrument it already asks for not twice");
        assertEquals(java.util.List.of("shared-one"), planned.milestones().get(1).instruments());
        assertTrue(planned.milestones().get(1).retrospective());
        assertEquals(curriculum.moduleSlugs(), planned.moduleSlugs());
        org.junit.jupiter.api.Assertions.assertSame(curriculum, curriculum.withInstruments(java.util.Map.of()));
    }

    @Test
    void aPlansOwnMilestoneNeedsATitleAndACopyForAnotherCohortKeepsItsDatesAndInstruments() {
        Cohort cohort = new Cohort(new School("Northgate", Instant.EPOCH), "Year 3 A", Instant.EPOCH);
        Cohort other = new Cohort(new School("Northgate", Instant.EPOCH), "Year 3 B", Instant.EPOCH);
        for (String title : new String[] {null, "  ", "x".repeat(PlanStep.TITLE_MAX + 1)}) {
            BusinessException refused = assertThrows(BusinessException.class,
                    () -> PlanStep.ownMilestone(cohort, 3, "own-check", title));
            assertEquals("plan.own.title", refused.messageKey());
        }
        PlanStep own = PlanStep.ownMilestone(cohort, 3, "own-mid-placement", "  Mid-placement check ");
        assertEquals("Mid-placement check", own.ownTitle().orElseThrow());
        own.schedule(MONDAY, FRIDAY);
        own.addInstrument("empathy-scale");
        PlanStep copy = own.copyFor(other);
        assertEquals(other, copy.getCohort());
        assertEquals("own-mid-placement", copy.milestone().orElseThrow());
        assertEquals("Mid-placement check", copy.ownTitle().orElseThrow());
        assertEquals(MONDAY, copy.getReleaseAt());
        assertEquals(FRIDAY, copy.getDueAt());
        assertEquals(java.util.List.of("empathy-scale"), copy.instruments());
        copy.addInstrument("another");
        assertEquals(java.util.List.of("empathy-scale"), own.instruments(), "the copy's instruments are its own");
        assertTrue(PlanStep.milestone(cohort, 1, "start").ownTitle().isEmpty(), "the curriculum's have no own title");
    }

    @Test
    void ownMilestonesStandAfterTheStepTheyFollowInThePlan() {
        CurriculumDefinition.Milestone start = new CurriculumDefinition.Milestone("start", "Start", java.util.List.of(
                "empathy"), false);
        CurriculumDefinition curriculum = new CurriculumDefinition("year-3", "Year 3", "", java.util.List.of(start,
                new CurriculumDefinition.ModuleStep("a"), new CurriculumDefinition.ModuleStep("b")));
        CurriculumDefinition.Milestone first = new CurriculumDefinition.Milestone("own-first", "First",
                java.util.List.of("x"), false);
        CurriculumDefinition.Milestone mid = new CurriculumDefinition.Milestone("own-mid", "Mid", java.util.List.of(),
                false);
        CurriculumDefinition.Milestone next = new CurriculumDefinition.Milestone("own-next", "Next", java.util.List
                .of(), false);
        CurriculumDefinition.Milestone clash = new CurriculumDefinition.Milestone("start", "Not the start",
                java.util.List.of(), false);
        CurriculumDefinition placed = curriculum.withOwnMilestones(java.util.List.of(
                new CurriculumDefinition.Placed(null, first), new CurriculumDefinition.Placed("module:a", mid),
                new CurriculumDefinition.Placed("milestone:own-mid", next),
                new CurriculumDefinition.Placed("module:b", clash)));
        assertEquals(java.util.List.of("milestone:own-first", "milestone:start", "module:a", "milestone:own-mid",
                "milestone:own-next", "module:b"), placed.steps().stream().map(CurriculumDefinition::key).toList());
        assertEquals("Start", placed.milestones().get(1).title(), "a clashing id never replaces the curriculum's");
        assertEquals(java.util.List.of("x"), placed.milestones().get(0).instruments());
        assertEquals(curriculum, curriculum.withOwnMilestones(java.util.List.of()));
    }
}
