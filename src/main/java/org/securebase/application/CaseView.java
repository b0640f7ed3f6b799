package org.securebase.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;

/**
 * Everything the case page shows a student about one module, read in one transaction: the definition of the
 * version they are working on, how far they have read, what they chose, their drafts and their submission.
 */
public record CaseView(
        ModuleDefinition definition,
        int stagesRevealed,
        List<Optional<Integer>> chosenOptions,
        boolean readingComplete,
        List<Draft> drafts,
        Long reflectionId,
        ReflectionVersion submitted,
        ReflectionStatus status,
        Review feedback,
        RubricDefinition rubric) {

    /** Whether the student can write: nothing submitted yet, or returned for revision. */
    public boolean isEditable() {
        return status == null || status.editable();
    }

    /** Whether stages remain to be revealed after the ones shown. */
    public boolean isMoreStages() {
        return stagesRevealed < definition.stages().size();
    }

    /** The working text of one prompt with the revision the browser must name when it saves. */
    public record Draft(ModuleDefinition.Prompt prompt, String text, long revision, Instant savedAt) {
    }
}
