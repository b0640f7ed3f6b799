package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;

class ModuleParserTest {

    static final String VALID = """
            slug: sample
            title: "A sample"
            patterns: [hyperactivating, disorganised]
            setting: General practice
            estimatedMinutes: 25
            summary: |
              A *short* summary.
            objectives:
              - Recognise the pattern
            stages:
              - title: First consultation
                when: Monday
                body: |
                  She arrives early.
                question:
                  text: What is going on?
                  options:
                    - text: She is testing you
                      feedback: Not quite.
                    - text: She needs a secure base
                      correct: true
                      feedback: Yes.
              - title: Second consultation
                body: |
                  She phones twice.
            prompts:
              - id: seeking
                text: What is she seeking?
                guidance: |
                  Consider safety.
                minLength: 100
            commentary: |
              ### The pattern
              Hyper-activating.
            references:
              - Balint M. The Doctor, his Patient and the Illness. 1957.
            """;

    private static List<ContentProblem> problems(String source) {
        return ModuleParser.parse("m.yaml", null, source).problems();
    }

    private static void assertProblem(String source, int line, String fragment) {
        List<ContentProblem> found = problems(source);
        assertTrue(found.stream().anyMatch(p -> p.line() == line && p.message().contains(fragment)),
                () -> "expected line " + line + " '" + fragment + "' in " + found);
    }

    @Test
    void readsAValidModule() {
        Parsed<ModuleDefinition> result = ModuleParser.parse("sample.yaml", "sample", VALID);
        assertEquals(List.of(), result.problems());
        ModuleDefinition d = result.definition().orElseThrow();
        assertEquals("sample", d.slug());
        assertEquals(List.of(Pattern.HYPERACTIVATING, Pattern.DISORGANISED), d.patterns());
        assertEquals(25, d.estimatedMinutes());
        assertEquals(2, d.stages().size());
        assertEquals("Monday", d.stages().get(0).when());
        assertEquals(2, d.stages().get(0).question().options().size());
        assertTrue(d.stages().get(0).question().options().get(1).correct());
        assertEquals(null, d.stages().get(1).question());
        assertEquals(100, d.prompts().get(0).minLength());
        assertTrue(d.summaryHtml().contains("<em>short</em>"), d.summaryHtml());
        assertTrue(d.commentaryHtml().contains("<h3>The pattern</h3>"), d.commentaryHtml());
    }

    @Test
    void rawHtmlAndScriptLinksInMarkdownNeverReachThePage() {
        String source = VALID.replace("She arrives early.", "<script>alert(1)</script> [click](javascript:alert)");
        String body = ModuleParser.parse("m.yaml", null, source).definition().orElseThrow().stages().get(0).bodyHtml();
        assertFalse(body.contains("<script>"), body);
        assertTrue(body.contains("&lt;script&gt;"), body);
        assertTrue(body.contains("click"), body);
        assertFalse(body.contains("href=\"javascript"), body);
    }

    @Test
    void themesAreOptionalAndChecked() {
        assertEquals(List.of(), ModuleParser.parse("m.yaml", null, VALID).definition().orElseThrow().themes());
        String withThemes = VALID.replace("setting: General practice",
                "themes: [balint, loss-and-separation]\nsetting: General practice");
        assertEquals(List.of("balint", "loss-and-separation"),
                ModuleParser.parse("m.yaml", null, withThemes).definition().orElseThrow().themes());
        assertProblem(VALID.replace("setting: General practice", "themes: [grief]\nsetting: General practice"), 4,
                "unknown theme 'grief'");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        assertProblem(VALID.replace("title: First consultation", "title: [unclosed"), 12, "not valid YAML");
    }

    @Test
    void reportsAnUnknownPatternAtItsLine() {
        assertProblem(VALID.replace("[hyperactivating, disorganised]", "[hyperactivating, clingy]"), 3,
                "unknown pattern 'clingy'");
    }

    @Test
    void reportsMissingCommentary() {
        String source = VALID.replaceAll("(?s)commentary: \\|\\n  ### The pattern\\n  Hyper-activating.\\n", "");
        assertProblem(source, 1, "missing required key 'commentary'");
    }

    @Test
    void reportsAPromptWithoutGuidance() {
        String source = VALID.replace("    guidance: |\n      Consider safety.\n", "");
        assertProblem(source, 27, "missing required key 'guidance'");
    }

    @Test
    void reportsAnOptionWithoutFeedbackAndAQuestionWithoutACorrectOption() {
        assertProblem(VALID.replace("          feedback: Not quite.\n", ""), 18, "missing required key 'feedback'");
        assertProblem(VALID.replace("          correct: true\n", ""), 18, "no option is marked 'correct: true'");
    }

    @Test
    void reportsUnknownKeysSoTyposNeverDropText() {
        assertProblem(VALID.replace("    when: Monday", "    wen: Monday"), 12, "unknown key 'wen'");
    }

    @Test
    void reportsBadNumbersAndDuplicatePromptIds() {
        assertProblem(VALID.replace("estimatedMinutes: 25", "estimatedMinutes: soon"), 5, "whole number");
        assertProblem(VALID.replace("estimatedMinutes: 25", "estimatedMinutes: 500"), 5, "between 5 and 120");
        String twice = VALID.replace("commentary: |", """
                  - id: seeking
                    text: Again?
                    guidance: Again.
                    minLength: 10
                commentary: |""");
        assertProblem(twice, 32, "prompt id 'seeking' is used twice");
    }

    @Test
    void reportsASlugThatDoesNotMatchTheFileName() {
        List<ContentProblem> found = ModuleParser.parse("other.yaml", "other", VALID).problems();
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).message().contains("does not match the file name"));
        assertEquals(1, found.get(0).line());
    }

    @Test
    void reportsEveryProblemInOneRunNotJustTheFirst() {
        String source = VALID.replace("[hyperactivating, disorganised]", "[clingy]")
                .replace("          feedback: Not quite.\n", "");
        assertEquals(2, problems(source).size(), problems(source)::toString);
    }

    @Test
    void problemsPrintAsFileLineMessage() {
        assertEquals("content/modules/x.yaml:7: oops",
                new ContentProblem("content/modules/x.yaml", 7, "oops").toString());
    }
}
