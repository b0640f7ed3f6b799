package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;

/**
 * Cases that branch on the trainee's response: the new keys, and the checks that every way through a case can be
 * walked to an end. The samples are in {@code src/test/resources/branching/}, each naming its faulty line.
 */
class BranchingModuleTest {

    private static String sample(String name) {
        try (InputStream in = BranchingModuleTest.class.getResourceAsStream("/branching/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed<ModuleDefinition> parse(String source) {
        return ModuleParser.parse("m.yaml", null, source);
    }

    /** The sample is rejected with exactly one problem, at this line, saying this. */
    private static void assertRejected(String name, int line, String fragment) {
        List<ContentProblem> found = parse(sample(name)).problems();
        assertEquals(1, found.size(), () -> name + ": " + found);
        assertEquals(line, found.get(0).line(), () -> name + ": " + found);
        assertTrue(found.get(0).message().contains(fragment), () -> name + ": " + found);
    }

    @Test
    void readsTheIdsRoutesConsequencesAndStancesOfABranchingModule() {
        Parsed<ModuleDefinition> result = parse(sample("valid"));
        assertEquals(List.of(), result.problems());
        ModuleDefinition d = result.definition().orElseThrow();
        assertEquals(List.of("first", "worse", "calmer", "review"), d.stages().stream().map(s -> s.id()).toList());
        Option reassure = d.stages().get(0).question().options().get(0);
        assertEquals("worse", reassure.next());
        assertEquals(Stance.REASSURE, reassure.stance());
        assertTrue(reassure.consequenceHtml().contains("<em>grips</em>"), reassure.consequenceHtml());
        assertTrue(reassure.commentaryHtml().contains("before her worry was named"), reassure.commentaryHtml());
        Option secure = d.stages().get(0).question().options().get(1);
        assertEquals("calmer", secure.next());
        assertEquals(Stance.SECURE_BASE, secure.stance());
        assertTrue(secure.consequenceHtml().contains("about her father"), secure.consequenceHtml());
        assertNull(secure.commentaryHtml(), "commentary is optional");
        assertEquals("review", d.stages().get(1).next());
        assertNull(d.stages().get(2).next(), "calmer carries on to the stage below it");
        assertTrue(d.stages().get(3).ending());
        assertFalse(d.stages().get(1).ending());
    }

    @Test
    void summarisesTheWaysThrough() {
        ModuleDefinition branching = parse(sample("valid")).definition().orElseThrow();
        assertEquals(new CaseGraph.Summary(2, 3, 3), CaseGraph.summary(branching));
        assertEquals("2 paths, 3 to 3 stages", CaseGraph.summary(branching).toString());
        ModuleDefinition linear = parse(ModuleParserTest.VALID).definition().orElseThrow();
        assertEquals("1 path, 2 stages", CaseGraph.summary(linear).toString());
        assertEquals("1 path, 1 stage", new CaseGraph.Summary(1, 1, 1).toString());
    }

    @Test
    void countsDistinctSequencesAndPathsOfDifferentLengths() {
        String longer = sample("valid").replace("          next: worse\n", "")
                .replace("    next: review\n", "");
        ModuleDefinition d = parse(longer).definition().orElseThrow();
        // reassure falls through: first, worse, calmer, review; secure base skips worse: first, calmer, review
        assertEquals(new CaseGraph.Summary(2, 3, 4), CaseGraph.summary(d));
        String bothToCalmer = sample("valid").replace("next: worse", "next: calmer");
        String worse = "  - id: worse\n    title: \"She phones twice\"\n    body: |\n      Two calls before the week is out.\n"
                + "    next: review\n";
        ModuleDefinition same = parse(bothToCalmer.replace(worse, "")).definition().orElseThrow();
        assertEquals(new CaseGraph.Summary(1, 3, 3), CaseGraph.summary(same), "two options, one sequence of stages");
    }

    @Test
    void existingFilesKeepTheirMeaning() {
        ModuleDefinition d = parse(ModuleParserTest.VALID).definition().orElseThrow();
        assertEquals(List.of("stage-1", "stage-2"), d.stages().stream().map(s -> s.id()).toList());
        assertFalse(d.branches());
        Option option = d.stages().get(0).question().options().get(0);
        assertNull(option.next());
        assertNull(option.stance());
        assertNull(option.consequenceHtml());
        assertNull(option.commentaryHtml());
    }

    @Test
    void rejectsAStageNothingLeadsTo() {
        assertRejected("unreachable-stage", 39, "stage 'calmer' can never be reached");
    }

    @Test
    void rejectsACycle() {
        assertRejected("cycle", 43, "stage 'review' leads back to 'first'");
    }

    @Test
    void rejectsANextNamingNoStage() {
        assertRejected("missing-next-target", 32, "next: 'calm' names no stage");
    }

    @Test
    void rejectsAnUnknownStanceAndListsTheStances() {
        assertRejected("unknown-stance", 20, "unknown stance 'soothe'; use one of: secure-base, explore, reassure, "
                + "pursue, distance, rescue, set-limits, refer");
    }

    @Test
    void rejectsAnEndingWithANext() {
        assertRejected("ending-with-next", 38, "stage 'worse' has 'ending: true' and 'next:'");
    }

    @Test
    void rejectsAnOptionRoutingAwayFromAnEnding() {
        String source = sample("valid").replace("    title: \"First consultation\"\n",
                "    title: \"First consultation\"\n    ending: true\n");
        List<ContentProblem> found = parse(source).problems();
        assertEquals(List.of(24, 33), found.stream().map(ContentProblem::line).toList(), found::toString);
        assertTrue(found.get(0).message().contains("its options cannot have 'next:'"), found::toString);
    }

    @Test
    void rejectsADuplicateStageId() {
        assertRejected("duplicate-stage-id", 39, "stage id 'worse' is used twice");
    }

    @Test
    void rejectsAnExplicitIdThatClashesWithADefaultOne() {
        String source = ModuleParserTest.VALID.replace("  - title: Second consultation",
                "  - id: stage-1\n    title: Second consultation");
        List<ContentProblem> found = parse(source).problems();
        assertEquals(1, found.size(), found::toString);
        assertEquals(23, found.get(0).line());
        assertTrue(found.get(0).message().contains("stage id 'stage-1' is used twice"), found::toString);
        String other = ModuleParserTest.VALID.replace("  - title: First consultation",
                "  - id: stage-2\n    title: First consultation");
        found = parse(other).problems();
        assertEquals(1, found.size(), found::toString);
        assertEquals(24, found.get(0).line());
        assertTrue(found.get(0).message().contains("default id 'stage-2' is already used"), found::toString);
    }

    @Test
    void rejectsABadlyFormedStageId() {
        List<ContentProblem> found = parse(sample("valid").replace("id: worse", "id: Worse Case")).problems();
        assertTrue(found.stream().anyMatch(p -> p.line() == 34 && p.message().contains("lowercase")),
                found::toString);
    }

    @Test
    void rejectsAPathShorterThanThreeStages() {
        assertRejected("short-path", 39, "the case can end at stage 'calmer' after only 2 stage(s) (first, calmer)");
    }

    @Test
    void rejectsUnknownKeysInStagesAndOptions() {
        List<ContentProblem> found = parse(sample("valid").replace("stance: reassure", "stanse: reassure")
                .replace("    next: review", "    nxt: review")).problems();
        assertTrue(found.stream().anyMatch(p -> p.line() == 20 && p.message().contains("unknown key 'stanse'")),
                found::toString);
        assertTrue(found.stream().anyMatch(p -> p.line() == 38 && p.message().contains("unknown key 'nxt'")),
                found::toString);
    }

    @Test
    void limitsTheLengthOfConsequenceAndCommentary() {
        String tooLong = "x".repeat(5001);
        List<ContentProblem> found = parse(sample("valid")
                .replace("consequence: She breathes out and tells you about her father.", "consequence: " + tooLong)
                .replace("            Reassurance closed the conversation before her worry was named.",
                        "            " + tooLong))
                .problems();
        assertTrue(found.stream().anyMatch(p -> p.line() == 31 && p.message().contains("'consequence' is longer")),
                found::toString);
        assertTrue(found.stream().anyMatch(p -> p.line() == 26 && p.message().contains("'commentary' is longer")),
                found::toString);
    }

    @Test
    void aModuleNeedsAReflectivePrompt() {
        String none = sample("valid").replaceAll("(?s)prompts:\\n.*?minLength: 20\\n", "prompts: []\n");
        List<ContentProblem> found = parse(none).problems();
        assertTrue(found.stream().anyMatch(p -> p.message().contains("'prompts' must not be empty")),
                found::toString);
    }

    /** One stage, then layers of two stages, each stage leading to both of the next layer: 2^(layers - 1) paths. */
    private static String layered(int layers) {
        StringBuilder stages = new StringBuilder("stages:\n");
        for (int layer = 0; layer < layers; layer++) {
            for (String side : layer == 0 ? List.of("a") : List.of("a", "b")) {
                stages.append("  - id: s").append(layer).append(side).append("\n    title: T\n    body: B\n");
                if (layer == layers - 1) {
                    stages.append("    ending: true\n");
                    continue;
                }
                stages.append("    question:\n      text: Q\n      options:\n");
                for (String to : List.of("a", "b")) {
                    stages.append("        - text: O\n          feedback: F\n          correct: true\n")
                            .append("          next: s").append(layer + 1).append(to).append('\n');
                }
            }
        }
        return ModuleParserTest.VALID.replaceAll("(?s)stages:\\n.*?(?=prompts:)", stages.toString());
    }

    @Test
    void refusesACaseWithTooManyWaysThroughWithoutListingThem() {
        List<ContentProblem> found = parse(layered(15)).problems();
        assertEquals(1, found.size(), found::toString);
        assertEquals(11, found.get(0).line(), "the first stage");
        assertTrue(found.get(0).message().contains("more than 10000 different ways through"), found::toString);
        Parsed<ModuleDefinition> fewer = parse(layered(14));
        assertEquals(List.of(), fewer.problems(), "2^13 = 8,192 ways through are allowed");
        assertEquals(new CaseGraph.Summary(8192, 14, 14), CaseGraph.summary(fewer.definition().orElseThrow()));
    }

    @Test
    void theIntegrationFixtureHasTheStructureTheBrowserTestsRelyOn() throws IOException {
        Path file = Path.of("src/test/it-content/modules/it-branching.yaml");
        Parsed<ModuleDefinition> result = ModuleParser.parse(file.toString(), "it-branching", Files.readString(file));
        assertEquals(List.of(), result.problems());
        ModuleDefinition d = result.definition().orElseThrow();
        assertEquals(List.of(Pattern.HYPERACTIVATING), d.patterns());
        assertEquals(List.of("arrival", "escalates", "settles", "later", "ending-steady", "ending-strained"),
                d.stages().stream().map(s -> s.id()).toList());
        assertOptions(d, 0, 1, List.of(Stance.REASSURE, Stance.SECURE_BASE, Stance.DISTANCE),
                List.of("escalates", "settles", "escalates"));
        assertOptions(d, 1, 0, List.of(Stance.SECURE_BASE, Stance.RESCUE), Arrays.asList(null, null));
        assertOptions(d, 2, 0, List.of(Stance.EXPLORE, Stance.REASSURE), Arrays.asList(null, null));
        assertOptions(d, 3, 0, List.of(Stance.SET_LIMITS, Stance.RESCUE), List.of("ending-steady", "ending-strained"));
        assertEquals(Arrays.asList(null, "later", "later", null, null, null),
                d.stages().stream().map(s -> s.next()).toList());
        assertEquals(List.of(false, false, false, false, true, true),
                d.stages().stream().map(s -> s.ending()).toList());
        assertNull(d.stages().get(4).question());
        assertNull(d.stages().get(5).question());
        assertTrue(d.stages().get(0).question().options().get(0).commentaryHtml() != null, "reassure has commentary");
        assertEquals(List.of("seeking", "next-time"), d.prompts().stream().map(p -> p.id()).toList());
        assertTrue(d.prompts().stream().allMatch(p -> p.minLength() == 20));
        assertEquals(2, d.references().size());
        assertEquals(10, d.estimatedMinutes());
        assertEquals("4 paths, 4 to 4 stages", CaseGraph.summary(d).toString());
    }

    private static void assertOptions(ModuleDefinition d, int stage, int correct, List<Stance> stances,
            List<String> nexts) {
        List<Option> options = d.stages().get(stage).question().options();
        assertEquals(stances, options.stream().map(Option::stance).toList(), "stances at stage " + stage);
        assertEquals(nexts, options.stream().map(Option::next).toList(), "nexts at stage " + stage);
        for (int i = 0; i < options.size(); i++) {
            assertEquals(i == correct, options.get(i).correct(), "stage " + stage + " option " + i);
            assertTrue(options.get(i).consequenceHtml() != null, "stage " + stage + " option " + i + " consequence");
        }
    }
}
