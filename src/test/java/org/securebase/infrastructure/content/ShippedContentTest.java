package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentScoring;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.Pattern;

/** What the curriculum promises about the content we ship in content/. */
class ShippedContentTest {

    private static final ContentFolder.Scan SCAN = ContentFolder.scan(List.of(Path.of("content")));

    @Test
    void everythingLoadsWithoutProblems() {
        assertEquals(List.of(), SCAN.problems());
        assertTrue(SCAN.modules().size() >= 12, "at least twelve modules");
    }

    @Test
    void eachInsecurePatternHasAtLeastThreeModules() {
        Map<Pattern, Long> count = SCAN.modules().stream().flatMap(m -> m.definition().patterns().stream())
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        for (Pattern p : List.of(Pattern.HYPERACTIVATING, Pattern.DEACTIVATING, Pattern.DISORGANISED)) {
            assertTrue(count.getOrDefault(p, 0L) >= 3, p + " has " + count.get(p));
        }
    }

    @Test
    void theThemesAreCovered() {
        for (String theme : ModuleDefinition.THEMES) {
            assertTrue(SCAN.modules().stream().anyMatch(m -> m.definition().themes().contains(theme)), theme);
        }
    }

    @Test
    void everyModuleHasStagesQuestionsPromptsAndATimeATraineeCanManage() {
        for (ContentFolder.LoadedModule loaded : SCAN.modules()) {
            ModuleDefinition m = loaded.definition();
            assertTrue(m.stages().size() >= 3, m.slug() + " stages");
            assertTrue(m.prompts().size() >= 3, m.slug() + " prompts");
            assertTrue(m.stages().stream().anyMatch(s -> s.question() != null), m.slug() + " has a question");
            assertTrue(m.estimatedMinutes() >= 20 && m.estimatedMinutes() <= 40, m.slug() + " minutes");
            assertTrue(m.objectives().size() >= 2 && m.references().size() >= 2, m.slug());
            assertTrue(m.commentaryHtml().length() > 2000, m.slug() + " has a substantial commentary");
        }
    }

    @Test
    void everyWayThroughEveryModuleHasAtLeastThreeStages() {
        // The parser demands it of branching cases; a fixed sequence is held to it here.
        for (ContentFolder.LoadedModule loaded : SCAN.modules()) {
            CaseGraph.Summary summary = CaseGraph.summary(loaded.definition());
            assertTrue(summary.paths() >= 1 && summary.shortest() >= CaseGraph.MIN_STAGES,
                    loaded.definition().slug() + ": " + summary);
        }
    }

    @Test
    void theCorrectOptionCannotBeSpottedByItsLength() {
        int questions = 0;
        int longest = 0;
        for (ContentFolder.LoadedModule loaded : SCAN.modules()) {
            for (ModuleDefinition.Stage stage : loaded.definition().stages()) {
                if (stage.question() == null) {
                    continue;
                }
                var options = stage.question().options();
                int max = options.stream().mapToInt(o -> o.text().length()).max().orElse(0);
                questions++;
                if (options.stream().anyMatch(o -> o.correct() && o.text().length() == max)) {
                    longest++;
                }
            }
        }
        assertTrue(longest * 2 <= questions, "the correct option is the longest in " + longest + " of " + questions
                + " questions: a trainee could answer by length");
    }

    @Test
    void theReviewRubricFollowsTheReflectLevelsInOrder() {
        assertEquals(1, SCAN.rubrics().size());
        assertEquals(List.of("Habitual action", "Thoughtful action or introspection", "Reflection",
                "Critical reflection"), SCAN.rubrics().get(0).levels().stream().map(l -> l.title()).toList());
        var rubric = SCAN.rubrics().get(0);
        assertTrue(rubric.criteria().stream().allMatch(c -> c.descriptorsHtml().size() == 4 || c.scale().size() >= 2),
                "every criterion describes every level, or has a scale of its own");
        assertTrue(rubric.criteria().stream().map(c -> c.id()).toList().containsAll(List.of("writing", "dilemma",
                "feelings", "meaning", "transformative", "confirmatory")), "REFLECT's criteria");
        assertEquals(List.of("absent", "present"),
                rubric.criteria().stream().filter(c -> c.id().equals("transformative"))
                        .findFirst().orElseThrow().scale().stream().map(l -> l.id()).toList(),
                "transformative learning is rated as shown or not, not on the levels");
        assertTrue(rubric.levels().get(2).descriptorHtml().indexOf("attachment") < 0,
                "the reflection level does not ask for theory's vocabulary");
    }

    @Test
    void everyInstrumentIsScorableAndItsTypesAreReachable() {
        assertTrue(SCAN.instruments().size() >= 3);
        for (InstrumentDefinition instrument : SCAN.instruments().stream()
                .map(ContentFolder.LoadedInstrument::definition)
                .toList()) {
            Map<String, Integer> answers = new HashMap<>();
            instrument.items().forEach(i -> answers.put(i.id(), instrument.scale().max()));
            InstrumentScoring.Score score = InstrumentScoring.score(instrument, answers);
            assertTrue(score.subscales().values().stream().allMatch(InstrumentScoring.SubscaleScore::scorable),
                    instrument.slug());
            if (instrument.classification() != null) {
                assertTrue(score.type().isPresent(), instrument.slug() + " classifies a full answer set");
                assertTrue(instrument.cautionHtml() != null);
                long reverse = instrument.items().stream().filter(InstrumentDefinition.Item::reverse).count();
                assertTrue(reverse >= 2, instrument.slug() + " has reverse-keyed items");
            }
        }
    }

    @Test
    void theCurriculumSequencesEveryModuleAndGivesInstrumentsAtTheStartAndTheEnd() {
        assertEquals(1, SCAN.curricula().size());
        var curriculum = SCAN.curricula().get(0);
        assertEquals(SCAN.modules().stream().map(m -> m.definition().slug()).sorted().toList(),
                curriculum.moduleSlugs().stream().sorted().toList(), "every shipped module is in the curriculum");
        assertTrue(curriculum.steps().get(0) instanceof CurriculumDefinition.Milestone);
        var last = curriculum.milestones().get(curriculum.milestones().size() - 1);
        assertTrue(last.retrospective(), "the end milestone asks the then-rating too");
        assertTrue(curriculum.milestones().size() >= 3);
    }

    @Test
    void everyModuleSaysWhatItWasCheckedAgainst() throws Exception {
        for (ContentFolder.LoadedModule loaded : SCAN.modules()) {
            assertTrue(loaded.source().startsWith("# Checked against the editorial checklist"),
                    loaded.file() + " begins with the comment naming the checklist it was checked against");
        }
    }
}
