package org.securebase.application;

import java.time.Instant;
import org.securebase.domain.curriculum.PlanStep;
import org.securebase.domain.reflection.ReflectionStatus;

/**
 * One reflection in a tutor's review queue, read by a projection query: no entity, no text. With a due date when
 * the module is a dated step of the student's cohort plan (their extension's when they have one), and whether the
 * first submission met it.
 */
public record ReviewQueueRow(Long reflectionId, String student, String slug, String moduleTitle,
        ReflectionStatus status, Instant submittedAt, Instant due, boolean extended, PlanStep.Standing standing) {

    /** The projection query's constructor: no dates yet. */
    public ReviewQueueRow(Long reflectionId, String student, String slug, String moduleTitle, ReflectionStatus status,
            Instant submittedAt) {
        this(reflectionId, student, slug, moduleTitle, status, submittedAt, null, false, null);
    }

    /**
     * The same row with the due date that holds for the student (the step's, or {@code extended}: their own) and
     * the first submission's standing against it.
     */
    public ReviewQueueRow dated(Instant dueAt, Instant firstSubmitted, boolean extended) {
        PlanStep.Standing s = firstSubmitted == null ? null
                : firstSubmitted.isAfter(dueAt) ? PlanStep.Standing.LATE : PlanStep.Standing.ON_TIME;
        return new ReviewQueueRow(reflectionId, student, slug, moduleTitle, status, submittedAt, dueAt, extended, s);
    }
}
