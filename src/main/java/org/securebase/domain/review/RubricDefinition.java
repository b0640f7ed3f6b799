package org.securebase.domain.review;

import java.util.List;
import java.util.Map;

/**
 * A rubric for rating the depth of a reflection: ordered levels, lowest first (ours follow the REFLECT levels:
 * habitual action, thoughtful action or introspection, reflection, critical reflection), and optionally criteria
 * rated on the same levels with their own descriptors. A school can supply its own rubric file.
 */
public record RubricDefinition(String slug, String title, String descriptionHtml, List<Level> levels,
        List<Criterion> criteria, List<String> references) {

    public RubricDefinition {
        levels = List.copyOf(levels);
        criteria = List.copyOf(criteria);
        references = List.copyOf(references);
    }

    public record Level(String id, String title, String descriptorHtml) {
    }

    /**
     * One aspect of the writing, with what each level looks like for it (levels may be left out); or, when it has
     * a {@code scale} of its own (REFLECT rates transformative and confirmatory learning as present or not), rated
     * on that scale instead of the rubric's levels.
     */
    public record Criterion(String id, String title, Map<String, String> descriptorsHtml, List<Level> scale) {

        public Criterion {
            descriptorsHtml = Map.copyOf(descriptorsHtml);
            scale = scale == null ? List.of() : List.copyOf(scale);
        }

        /** A criterion rated on the rubric's levels. */
        public Criterion(String id, String title, Map<String, String> descriptorsHtml) {
            this(id, title, descriptorsHtml, List.of());
        }
    }

    /** What a criterion is rated on: its own scale, else the rubric's levels. */
    public List<Level> choicesFor(Criterion criterion) {
        return criterion.scale().isEmpty() ? levels : criterion.scale();
    }

    /** The title of a criterion's rating (the id itself for one the rubric no longer has). */
    public String ratingTitle(Criterion criterion, String levelId) {
        return choicesFor(criterion).stream().filter(l -> l.id().equals(levelId)).findFirst().map(Level::title)
                .orElse(levelId);
    }

    /** The position of a level, 1 for the lowest: the score a rating on this rubric stands for. */
    public int rank(String levelId) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).id().equals(levelId)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no level " + levelId);
    }
}
