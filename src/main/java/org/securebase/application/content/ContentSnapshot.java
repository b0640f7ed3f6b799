package org.securebase.application.content;

import java.util.List;
import java.util.Map;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.review.RubricDefinition;

/**
 * One import's definitions that loaded without problems, immutable. Modules are versioned rows in the database
 * (responses point at the version they answered), so only their count is here.
 *
 * @param modules how many modules are current
 * @param problems how many problems the import reported (each is logged with file and line)
 * @param translations the translations that have their original's structure, by {@link #key}
 */
public record ContentSnapshot(int modules, List<InstrumentDefinition> instruments, List<CurriculumDefinition> curricula,
        List<RubricDefinition> rubrics, int problems, Map<String, Object> translations) {

    public static final ContentSnapshot EMPTY = new ContentSnapshot(0, List.of(), List.of(), List.of(), 0, Map.of());

    public ContentSnapshot {
        instruments = List.copyOf(instruments);
        curricula = List.copyOf(curricula);
        rubrics = List.copyOf(rubrics);
        translations = Map.copyOf(translations);
    }

    /** The key a translation is held under: kind (modules, instruments, curricula, rubrics), slug and language tag. */
    public static String key(String kind, String slug, String language) {
        return kind + ":" + slug + ":" + language;
    }
}
