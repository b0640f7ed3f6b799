package org.securebase.application;

import java.time.Instant;
import java.util.List;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;

/**
 * Everything the case page shows a student about one module, read in one transaction: the definition of the
 * version they are working on, the path the case has taken with what they chose at each stage, their drafts and
 * their submission.
 */
public record CaseView(
        ModuleDefinition definition,
        List<Step> path,
        boolean moreStages,
        boolean readingComplete,
        List<Draft> drafts,
        Long reflectionId,
        ReflectionVersion submitted,
        ReflectionStatus status,
        Review feedback,
        RubricDefinition rubric) {

    /**
     * The same view in another language: the stages, options and prompts of a translation with this module's shape
     * (what the trainee chose and wrote stays as it is).
     */
    public CaseView in(ModuleDefinition translation) {
        if (translation == definition || !translation.sameShapeAs(definition)) {
            return this;
        }
        List<Step> steps = path.stream().map(s -> new Step(s.index(), translation.stages().get(s.index()), s.chosen()))
                .toList();
        List<Draft> translatedDrafts = drafts.stream().map(d -> new Draft(translation.prompt(d.prompt().id())
                .orElse(d.prompt()), d.text(), d.revision(), d.savedAt())).toList();
        return new CaseView(translation, steps, moreStages, readingComplete, translatedDrafts, reflectionId,
                submitted, status, feedback, rubric);
    }

    /** Whether the student can write: nothing submitted yet, or returned for revision. */
    public boolean isEditable() {
        return status == null || status.editable();
    }

    /**
     * One stage the trainee has reached, with the option they committed to there (null: not yet, or no question).
     *
     * @param index the stage's position in the module (what answers name)
     */
    public record Step(int index, ModuleDefinition.Stage stage, Integer chosen) {

        /** The option committed to, or null. */
        public ModuleDefinition.Option chosenOption() {
            return chosen == null ? null : stage.question().options().get(chosen);
        }

        /** Whether the trainee may still choose here: a question not yet answered. */
        public boolean open() {
            return stage.question() != null && chosen == null;
        }
    }

    /** The working text of one prompt with the revision the browser must name when it saves. */
    public record Draft(ModuleDefinition.Prompt prompt, String text, long revision, Instant savedAt) {
    }
}
