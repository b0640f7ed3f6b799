package org.securebase.application;

/**
 * One line of a student's curriculum, in order: a module to take, or a milestone at which self-ratings are due.
 * Exactly one of the two is set.
 */
public record CurriculumEntry(ModuleSummary module, MilestoneSummary milestone, Schedule schedule) {

    public CurriculumEntry(ModuleSummary module, MilestoneSummary milestone) {
        this(module, milestone, null);
    }

    /**
     * The step's dates in the cohort's plan and where the student stands against them; null without a plan. The
     * due date is the student's own where they have an extension ({@code extended}).
     */
    public record Schedule(java.time.Instant release, java.time.Instant due,
            org.securebase.domain.curriculum.PlanStep.Standing standing, boolean extended) {

        public boolean isReleased() {
            return standing != org.securebase.domain.curriculum.PlanStep.Standing.NOT_RELEASED;
        }
    }

    /** Whether the line can be opened now (no plan, or its release date has passed). */
    public boolean isOpen() {
        return schedule == null || schedule.isReleased();
    }

    /** A milestone with how many of its instruments the student has submitted. */
    public record MilestoneSummary(String curriculum, String id, String title, int instruments, long submitted) {

        public boolean isDone() {
            return submitted >= instruments;
        }
    }
}
