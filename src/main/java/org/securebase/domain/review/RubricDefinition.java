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

    /** One aspect of the writing, with what each level looks like for it (levels may be left out). */
    public record Criterion(String id, String title, Map<String, String> descriptorsHtml) {

        public Criterion {
            descriptorsHtml = Map.copyOf(descriptorsHtml);
        }
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
