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

    /** One consultation or stage of the case, revealed in order. */
    public record Stage(String title, String when, String bodyHtml, Question question) {
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

    public record Option(String text, boolean correct, String feedbackHtml) {
    }

    /** A reflective prompt the trainee answers in free text. */
    public record Prompt(String id, String text, String guidanceHtml, int minLength) {
    }

    /** Cross-cutting themes a module can carry besides its patterns; the names used in content files. */
    public static final List<String> THEMES = List.of("loss-and-separation", "clinician-attachment", "balint");

    public Optional<Prompt> prompt(String id) {
        return prompts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public String patternCodes() {
        return String.join(",", patterns.stream().map(Pattern::code).toList());
    }
}
