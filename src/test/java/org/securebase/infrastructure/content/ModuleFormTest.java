package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.securebase.domain.module.ModuleDefinition;

/** The structured editor's fields, written back as the file: nothing of a module changes on the way. */
class ModuleFormTest {

    static Stream<Path> shippedModules() throws IOException {
        return Files.list(Path.of("content/modules")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    private static String slugOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    @ParameterizedTest
    @MethodSource("shippedModules")
    void everyShippedModuleWrittenBackFromTheFormIsTheSameModule(Path file) throws IOException {
        String source = Files.readString(file);
        ModuleForm.Read read = ModuleForm.read(source);
        assertEquals(List.of(), read.refusals());
        String written = read.form().toYaml();
        Parsed<ModuleDefinition> before = ModuleParser.parse(file.toString(), slugOf(file), source);
        Parsed<ModuleDefinition> after = ModuleParser.parse(file.toString(), slugOf(file), written);
        assertEquals(List.of(), after.problems(), written);
        assertEquals(before.definition().orElseThrow(), after.definition().orElseThrow());
        assertTrue(written.startsWith("#"), "the editorial comment at the top is kept");
        assertEquals(written, ModuleForm.read(written).form().toYaml(), "writing is stable");
    }

    private static final String SMALL = """
            # kept
            slug: night-calls
            title: "Night calls"
            patterns: [hyperactivating]
            setting: "General practice"
            estimatedMinutes: 20
            summary: |
              For Year 3.
            objectives:
              - "By the end you can notice."
            stages:
              - title: "First"
                body: |
                  A call at night.
                question:
                  text: "What now?"
                  options:
                    - text: "Listen"
                      correct: true
                      feedback: "Yes."
                    - text: "Hang up"
                      feedback: "No."
              - title: "Second"
                body: "Morning."
              - title: "Third"
                body: "Evening."
                ending: true
            prompts:
              - id: noticing
                text: "What did you notice?"
                guidance: "Start from a moment."
                minLength: 100
            commentary: "What it shows."
            references:
              - "Bowlby 1988"
            """;

    @Test
    void stagesWithoutIdsKeepTheirIdsByPositionSoMovingOneKeepsTheRoutes() {
        ModuleForm form = ModuleForm.read(SMALL).form();
        assertEquals(List.of("stage-1", "stage-2", "stage-3"),
                form.getStages().stream().map(ModuleForm.StageForm::getId).toList());
        ModuleForm.StageForm added = form.addStage(2);
        added.setTitle("Between");
        added.setBody("A visit.");
        added.setNext("stage-3");
        form.getStages().get(0).getOptions().get(1).setNext(added.getId());
        form.getStages().get(0).getOptions().get(0).setNext("stage-2");
        form.getStages().get(1).setNext("stage-3");
        assertTrue(form.moveStage(2, -1), "the new stage moves up before stage 2");
        String written = form.toYaml();
        ModuleDefinition m = ModuleParser.parse("night-calls.yaml", "night-calls", written).definition()
                .orElseThrow(() -> new AssertionError(ModuleParser.parse("x", null, written).problems()));
        assertEquals(List.of("stage-1", "stage-4", "stage-2", "stage-3"),
                m.stages().stream().map(ModuleDefinition.Stage::id).toList());
        assertEquals(1, m.nextIndex(0, 1).orElseThrow(), "option B still goes to the new stage");
        assertEquals(2, m.nextIndex(0, 0).orElseThrow(), "option A still goes to stage-2");
        assertTrue(written.startsWith("# kept\n"));
    }

    @Test
    void aProblemIsPlacedAtTheFieldItConcerns() {
        ModuleForm form = ModuleForm.read(SMALL).form();
        form.getStages().get(1).setTitle(null); // what Faces submits for an emptied field
        form.getStages().get(0).getOptions().get(1).setFeedback("  ");
        form.getStages().get(0).getOptions().get(0).setNext("nowhere");
        form.getPrompts().get(0).setMinLength("many");
        String written = form.toYaml();
        Map<Integer, String> fields = ModuleForm.fieldsByLine(written);
        List<String> placed = ModuleParser.parse("night-calls.yaml", "night-calls", written).problems().stream()
                .map(p -> ModuleForm.fieldAt(fields, p.line()).orElse("?") + ": " + p.message()).sorted().toList();
        assertTrue(placed.contains("stages.1.title: 'title' is empty"), placed.toString());
        assertTrue(placed.contains("stages.0.question.options.1.feedback: 'feedback' is empty"), placed.toString());
        assertTrue(placed.contains("prompts.0.minLength: 'minLength' must be a whole number, not 'many'"),
                placed.toString());
        // The routes are checked once the stages themselves are well formed.
        form.getStages().get(1).setTitle("Second");
        form.getStages().get(0).getOptions().get(1).setFeedback("No.");
        String routed = form.toYaml();
        Map<Integer, String> routedFields = ModuleForm.fieldsByLine(routed);
        List<String> route = ModuleParser.parse("night-calls.yaml", "night-calls", routed).problems().stream()
                .map(p -> ModuleForm.fieldAt(routedFields, p.line()).orElse("?") + ": " + p.message()).toList();
        assertTrue(route.stream().anyMatch(p -> p.startsWith("stages.0.question.options.0.next: ")
                && p.contains("nowhere")), route.toString());
    }

    @Test
    void multiLineProseIsWrittenAsALiteralBlockAndOptionalFieldsLeftEmptyAreLeftOut() {
        ModuleForm form = ModuleForm.read(SMALL).form();
        form.getStages().get(1).setBody("First line.\n\nSecond paragraph with \"quotes\" and a colon: here.\n");
        form.getStages().get(1).setWhen("   ");
        form.getStages().get(0).getOptions().get(0).setConsequence("");
        String written = form.toYaml();
        assertTrue(
                written.contains(
                        "body: |\n      First line.\n\n      Second paragraph with \"quotes\" and a colon: here.\n"),
                written);
        assertTrue(!written.contains("when:") && !written.contains("consequence:"), written);
        assertEquals("First line.\n\nSecond paragraph with \"quotes\" and a colon: here.\n",
                ModuleForm.read(written).form().getStages().get(1).getBody());
    }

    @Test
    void aFileTheFormCannotHoldIsRefusedWithItsLine() {
        ModuleForm.Read read = ModuleForm.read(SMALL.replace("    ending: true", "    ending: true\n    colour: red"));
        assertNull(read.form());
        assertEquals(1, read.refusals().size());
        assertTrue(read.refusals().get(0).message().contains("colour"));
        assertEquals(28, read.refusals().get(0).line());
        assertNotNull(ModuleForm.read(SMALL).form());
        assertNull(ModuleForm.read("slug: [unclosed").form());
    }
}
