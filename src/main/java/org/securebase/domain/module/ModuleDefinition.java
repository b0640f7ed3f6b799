package org.securebase.domain.module;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A case module as its author wrote it, parsed and validated; prose fields hold sanitised HTML rendered from
 * Markdown. Immutable: a changed file is a new {@link ContentVersion}, never an edit of this one.
 */
public record ModuleDefinition(
        String slug,
        String title,
        List<Pattern> patterns,
        List<String> themes,
        String setting,
        int estimatedMinutes,
        String summaryHtml,
        List<String> objectives,
        List<Stage> stages,
        List<Prompt> prompts,
        String commentaryHtml,
        List<String> references) {

    public ModuleDefinition {
        patterns = List.copyOf(patterns);
        themes = List.copyOf(themes);
        objectives = List.copyOf(objectives);
        stages = List.copyOf(stages);
        prompts = List.copyOf(prompts);
        references = List.copyOf(references);
    }

    /**
     * One consultation or stage of the case. After it comes the stage the chosen option names ({@code next}), else
     * the stage's own {@code next}, else the following stage in the file; an {@code ending} (or the last stage)
     * has none.
     */
    public record Stage(String id, String title, String when, String bodyHtml, Question question, String next,
            boolean ending) {

        /** A stage in a fixed sequence: no branches. */
        public Stage(String id, String title, String when, String bodyHtml, Question question) {
            this(id, title, when, bodyHtml, question, null, false);
        }
    }

    /** A recognition question: which reading of the moment fits best, with feedback for every option. */
    public record Question(String text, List<Option> options) {

        public Question {
            options = List.copyOf(options);
        }

        /** 0..n-1, for pages that select an option by its position. */
        public List<Integer> getOptionIndexes() {
            return IntStream.range(0, options.size()).boxed().toList();
        }
    }

    /**
     * One response the trainee can commit to. Its {@code consequenceHtml} (what happened next, in the patient's and
     * the clinician's voice) shows after the choice, before the feedback; {@code next} routes to another stage;
     * {@code stance} names the clinician's stance it stands for; {@code commentaryHtml} is what the expert
     * commentary says to those who took it. All but text, correct and feedback are optional (null).
     */
    public record Option(String text, boolean correct, String feedbackHtml, String consequenceHtml, String next,
            Stance stance, String commentaryHtml) {

        /** An option with feedback only: the case goes on the same way whatever is chosen. */
        public Option(String text, boolean correct, String feedbackHtml) {
            this(text, correct, feedbackHtml, null, null, null, null);
        }
    }

    /** A reflective prompt the trainee answers in free text. */
    public record Prompt(String id, String text, String guidanceHtml, int minLength) {
    }

    /** Cross-cutting themes a module can carry besides its patterns; the names used in content files. */
    public static final List<String> THEMES = List.of("loss-and-separation", "clinician-attachment", "balint");

    /** The stage with this id. */
    public Optional<Stage> stage(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The position of the stage with this id in the file, or -1. */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stage that follows the stage at {@code index} when the option at {@code option} was chosen (-1 when the
     * stage has no question): the option's {@code next}, else the stage's, else the following stage in the file;
     * empty at an ending or after the last stage.
     */
    public Optional<Integer> nextIndex(int index, int option) {
        Stage stage = stages.get(index);
        Option chosen = stage.question() != null && option >= 0 && option < stage.question().options().size()
                ? stage.question().options().get(option) : null;
        String target = chosen != null && chosen.next() != null ? chosen.next() : stage.next();
        if (target != null) {
            int found = indexOf(target);
            return found < 0 ? Optional.empty() : Optional.of(found);
        }
        if (stage.ending() || index + 1 >= stages.size()) {
            return Optional.empty();
        }
        return Optional.of(index + 1);
    }

    /**
     * Whether another definition has this one's shape: the same stages (ids, routes, endings), the same options
     * (count, correct answers, routes) and the same prompts, so that answers recorded against one fit the other.
     */
    public boolean sameShapeAs(ModuleDefinition other) {
        if (other == null || stages.size() != other.stages.size() || !prompts.stream().map(Prompt::id).toList()
                .equals(other.prompts.stream().map(Prompt::id).toList())) {
            return false;
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage a = stages.get(i);
            Stage b = other.stages.get(i);
            if (!a.id().equals(b.id()) || !java.util.Objects.equals(a.next(), b.next()) || a.ending() != b.ending()
                    || (a.question() == null) != (b.question() == null)) {
                return false;
            }
            if (a.question() != null) {
                List<Option> x = a.question().options();
                List<Option> y = b.question().options();
                if (x.size() != y.size()) {
                    return false;
                }
                for (int o = 0; o < x.size(); o++) {
                    if (x.get(o).correct() != y.get(o).correct()
                            || !java.util.Objects.equals(x.get(o).next(), y.get(o).next())
                            || x.get(o).stance() != y.get(o).stance()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether any option or stage routes: the case can unfold in more than one way. */
    public boolean branches() {
        return stages.stream().anyMatch(s -> s.next() != null || s.ending() || (s.question() != null
                && s.question().options().stream().anyMatch(o -> o.next() != null)));
    }

    public Optional<Prompt> prompt(String id) {
        return prompts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public String patternCodes() {
        return String.join(",", patterns.stream().map(Pattern::code).toList());
    }
}
