package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.review.RubricDefinition;

class RubricParserTest {

    static final String RUBRIC = """
            slug: depth
            title: Depth
            description: |
              How deep.
            levels:
              - id: low
                title: Low
                descriptor: Lists.
              - id: high
                title: High
                descriptor: Questions.
            criteria:
              - id: voice
                title: Voice
                descriptors:
                  low: Generic.
                  high: Candid.
            """;

    private static List<ContentProblem> problems(String source) {
        return RubricParser.parse("r.yaml", null, source).problems();
    }

    @Test
    void readsLevelsInOrderAndCriteria() {
        RubricDefinition rubric = RubricParser.parse("depth.yaml", "depth", RUBRIC).definition().orElseThrow();
        assertEquals(List.of("low", "high"), rubric.levels().stream().map(RubricDefinition.Level::id).toList());
        assertEquals(2, rubric.rank("high"));
        assertTrue(rubric.criteria().get(0).descriptorsHtml().get("high").contains("Candid"));
    }

    @Test
    void reportsADescriptorForAnUnknownLevelAndTooFewLevels() {
        List<ContentProblem> unknown = problems(RUBRIC.replace("      high: Candid.", "      highest: Candid."));
        assertEquals(17, unknown.get(0).line());
        assertTrue(unknown.get(0).message().contains("unknown level 'highest'"));
        String oneLevel = RUBRIC.replace("  - id: high\n    title: High\n    descriptor: Questions.\n", "")
                .replace("      high: Candid.\n", "");
        assertTrue(problems(oneLevel).stream().anyMatch(p -> p.message().contains("at least two levels")),
                problems(oneLevel)::toString);
        assertTrue(problems(RUBRIC.replace("id: high", "id: low")).stream()
                .anyMatch(p -> p.message().contains("level id 'low' is used twice")));
    }

    @Test
    void aCriterionMayBeRatedOnAScaleOfItsOwnButNotBothWays() {
        String scaled = RUBRIC + """
                  - id: learning
                    title: Learning
                    scale:
                      - id: absent
                        title: Not shown
                        descriptor: None.
                      - id: present
                        title: Shown
                        descriptor: Changed.
                """;
        RubricDefinition rubric = RubricParser.parse("depth.yaml", "depth", scaled).definition().orElseThrow();
        RubricDefinition.Criterion learning = rubric.criteria().get(1);
        assertEquals(List.of("absent", "present"), rubric.choicesFor(learning).stream().map(RubricDefinition.Level::id)
                .toList());
        assertEquals(List.of("low", "high"), rubric.choicesFor(rubric.criteria().get(0)).stream()
                .map(RubricDefinition.Level::id).toList(), "the others on the levels");
        assertEquals("Shown", rubric.ratingTitle(learning, "present"));
        String both = scaled.replace("    scale:\n", "    descriptors:\n      low: x\n    scale:\n");
        assertTrue(problems(both).stream().anyMatch(p -> p.message().contains("not both")), problems(both)::toString);
        String oneRating = scaled.replace("      - id: present\n        title: Shown\n        descriptor: Changed.\n",
                "");
        assertTrue(problems(oneRating).stream().anyMatch(p -> p.message().contains("at least two ratings")),
                problems(oneRating)::toString);
    }
}
