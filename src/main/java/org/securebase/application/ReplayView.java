package org.securebase.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Stage;

/**
 * A replay of a case after the reflection is submitted: the stages along the roads the trainee picks now (held in
 * the address, written nowhere), each with the choice made in the replay and the one they really made there.
 *
 * @param choices the replay's choices so far, in order (what the address carries)
 */
public record ReplayView(ModuleDefinition definition, List<Step> steps, boolean ended, List<Integer> choices) {

    /**
     * Walks the case along {@code choices} (an option per stage with a question, in order), as far as they go,
     * writing nothing: the replay of a submitted case, and the author's preview of a draft.
     *
     * @param yours the option the trainee committed to at a stage index on their own path, or null
     */
    public static ReplayView walk(ModuleDefinition definition, List<Integer> choices, IntFunction<Integer> yours) {
        List<Step> steps = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        int index = 0;
        int next = 0;
        boolean ended = false;
        while (!definition.stages().isEmpty() && steps.size() <= definition.stages().size()) {
            Stage stage = definition.stages().get(index);
            Integer chosen = null;
            if (stage.question() != null) {
                if (next < choices.size() && choices.get(next) >= 0
                        && choices.get(next) < stage.question().options().size()) {
                    chosen = choices.get(next++);
                    taken.add(chosen);
                } else {
                    steps.add(new Step(index, stage, null, yours.apply(index)));
                    break;
                }
            }
            steps.add(new Step(index, stage, chosen, yours.apply(index)));
            Optional<Integer> following = definition.nextIndex(index, chosen == null ? -1 : chosen);
            if (following.isEmpty()) {
                ended = true;
                break;
            }
            index = following.get();
        }
        return new ReplayView(definition, steps, ended, taken);
    }

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
