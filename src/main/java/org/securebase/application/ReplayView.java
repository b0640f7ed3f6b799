package org.securebase.application;

import java.util.List;
import org.securebase.domain.module.ModuleDefinition;

/**
 * A replay of a case after the reflection is submitted: the stages along the roads the trainee picks now (held in
 * the address, written nowhere), each with the choice made in the replay and the one they really made there.
 *
 * @param choices the replay's choices so far, in order (what the address carries)
 */
public record ReplayView(ModuleDefinition definition, List<Step> steps, boolean ended, List<Integer> choices) {

    /** The same replay in another language: a translation of the same shape, else unchanged. */
    public ReplayView in(ModuleDefinition translation) {
        if (translation == definition || !translation.sameShapeAs(definition)) {
            return this;
        }
        return new ReplayView(translation, steps.stream().map(s -> new Step(s.index(), translation.stages()
                .get(s.index()), s.chosen(), s.yours())).toList(), ended, choices);
    }

    /**
     * @param index the stage's position in the module
     * @param chosen the option taken in this replay, or null where the replay stands now
     * @param yours the option the trainee committed to here on their own path, or null if their path never came here
     */
    public record Step(int index, ModuleDefinition.Stage stage, Integer chosen, Integer yours) {

        public ModuleDefinition.Option chosenOption() {
            return chosen == null ? null : stage.question().options().get(chosen);
        }

        /** Whether the replay waits for a choice here. */
        public boolean open() {
            return stage.question() != null && chosen == null;
        }
    }
}
