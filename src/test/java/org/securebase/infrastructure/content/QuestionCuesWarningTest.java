package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;

/** The cues the studio shows an author beside a question, as warnings. */
class QuestionCuesWarningTest {

    private static ModuleDefinition module(String... options) {
        StringBuilder yaml = new StringBuilder("""
                slug: cues
                title: "Cues"
                patterns: [hyperactivating]
                setting: "General practice"
                estimatedMinutes: 20
                summary: "A summary."
                objectives: ["One."]
                stages:
                  - id: one
                    title: "The visit"
                    body: "She talks about her chest and her heart at night."
                    question:
                      text: "Which reading fits best?"
                      options:
                """);
        for (int i = 0; i < options.length; i++) {
            yaml.append("        - text: \"").append(options[i]).append("\"\n");
            yaml.append("          feedback: \"Because.\"\n          consequence: \"Then.\"\n");
            if (i == 0) {
                yaml.append("          correct: true\n");
            }
        }
        yaml.append("""
                prompts:
                  - id: p
                    text: "What did you notice?"
                    guidance: "Start from a moment."
                    minLength: 10
                commentary: "Commentary."
                references: ["A source."]
                """);
        Parsed<ModuleDefinition> parsed = ModuleParser.parse("cues.yaml", "cues", yaml.toString());
        assertEquals(List.of(), parsed.problems());
        return parsed.definition().orElseThrow();
    }

    @Test
    void theLongestTheOnlyUnqualifiedAndTheStageEchoingAnswerAreEachFlagged() {
        List<QuestionCues.Cue> cues = QuestionCues.of(module(
                "She brings her chest and her heart at night to whoever is there, hoping they will stay",
                "She must be exaggerating", "It is always anxiety", "She only wants tests"));
        assertEquals(3, cues.size(), cues.toString());
        assertTrue(cues.stream().allMatch(c -> c.stageId().equals("one") && c.stageNumber() == 1));
    }

    @Test
    void aQuestionWithoutSurfaceCuesHasNone() {
        assertEquals(List.of(), QuestionCues.of(module("She seeks closeness", "She must be ill, so test now",
                "She keeps her doctor at a distance with detail", "Her heart is the trouble")));
    }
}
