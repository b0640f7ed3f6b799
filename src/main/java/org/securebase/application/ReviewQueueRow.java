package org.securebase.application;

import java.time.Instant;
import org.securebase.domain.reflection.ReflectionStatus;

/** One reflection in a tutor's review queue, read by a projection query: no entity, no text. */
public record ReviewQueueRow(Long reflectionId, String student, String slug, String moduleTitle,
        ReflectionStatus status, Instant submittedAt) {
}
