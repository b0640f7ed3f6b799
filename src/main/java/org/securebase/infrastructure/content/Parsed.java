package org.securebase.infrastructure.content;

import java.util.List;
import java.util.Optional;

/** The outcome of reading one content file: a definition when, and only when, there are no problems. */
public record Parsed<T>(Optional<T> definition, List<ContentProblem> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }

    static <T> Parsed<T> of(T definition, List<ContentProblem> problems) {
        return problems.isEmpty() ? new Parsed<>(Optional.of(definition), List.of())
                : new Parsed<>(Optional.empty(), problems);
    }
}
