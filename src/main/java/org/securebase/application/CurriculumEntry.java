package org.securebase.application;

/**
 * One line of a student's curriculum, in order: a module to take, or a milestone at which self-ratings are due.
 * Exactly one of the two is set.
 */
public record CurriculumEntry(ModuleSummary module, MilestoneSummary milestone) {

    /** A milestone with how many of its instruments the student has submitted. */
    public record MilestoneSummary(String curriculum, String id, String title, int instruments, long submitted) {

        public boolean isDone() {
            return submitted >= instruments;
        }
    }
}
