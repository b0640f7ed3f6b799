package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.ModuleDefinition.Question;
import org.securebase.domain.module.Stance;

/**
 * The recognition questions test judgement, not test-wiseness: a trainee who knows nothing of the case but guesses
 * by the options' surface (the longest or the shortest, never the longest, the second-longest or the second-shortest,
 * avoid absolute words, echo the stage's words or avoid them, take the middle one) may not beat 30 % correct over all
 * shipped questions, and every option tells what happened next. (The second-longest and the second-shortest were
 * added after fresh read E: avoiding both extremes had pushed the best reading to second-longest in 27 of 62
 * questions.)
 * Nor may a "house answer" read from what the options do: striking out the option that hands the patient on and the
 * one that reassures, and guessing among the rest. (Always taking the secure-base or explore option, or either on its
 * own, is printed too, but not yet held to the ceiling: see {@link #REPORTED}.)
 */
class QuestionCuesTest {

    private static final ContentFolder.Scan SCAN = ContentFolder.scan(List.of(Path.of("content")));

    /** The most a surface strategy may score, over all questions. */
    static final double CEILING = 0.30;

    private static final Set<String> ABSOLUTE = Set.of("clearly", "only", "must", "always", "never", "definitely",
            "certainly", "completely", "entirely", "nothing", "all", "every", "obviously", "simply", "just");

    /** One question with the words of the stage it stands on. */
    record Asked(String module, String stage, Question question, Set<String> stageWords) {
    }

    private static List<Asked> questions() {
        List<Asked> all = new ArrayList<>();
        for (ContentFolder.LoadedModule loaded : SCAN.modules()) {
            ModuleDefinition m = loaded.definition();
            for (ModuleDefinition.Stage s : m.stages()) {
                if (s.question() != null) {
                    all.add(new Asked(m.slug(), s.id(), s.question(), words(s.bodyHtml().replaceAll("<[^>]+>", " ")
                            + " " + s.title() + " " + m.title())));
                }
            }
        }
        return all;
    }

    static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")).filter(w -> w.length() > 3)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The chance of being right when guessing uniformly among the options a strategy leaves. */
    private static double chance(Question q, List<Integer> picks) {
        List<Integer> among = picks.isEmpty() ? indexes(q) : picks;
        return among.stream().filter(i -> q.options().get(i).correct()).count() / (double) among.size();
    }

    private static List<Integer> indexes(Question q) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static boolean absolute(Option o) {
        return words(o.text()).stream().anyMatch(ABSOLUTE::contains)
                || Arrays.stream(o.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).anyMatch(ABSOLUTE::contains);
    }

    /** Options that are readings rather than responses have no stance, and match none. */
    private static boolean stanceIn(Option o, Stance... stances) {
        return o.stance() != null && Arrays.asList(stances).contains(o.stance());
    }

    private static int length(Option o) {
        return o.text().length();
    }

    private static long overlap(Option o, Set<String> stage) {
        return words(o.text()).stream().filter(stage::contains).count();
    }

    private static final Map<String, BiFunction<Question, Set<String>, List<Integer>>> STRATEGIES = new LinkedHashMap<>();

    /**
     * Strategies printed beside the others but not held to the ceiling. "The secure-base or explore one" still
     * scores far above it (most best readings are steady or curious ones, as the course teaches; 69 % before the
     * December fresh reads, about 63 % after a tempting explore or secure-base option was made wrong in nine more
     * questions, about 57 % after fresh read E added seven more, one or two in each of the six modules where it
     * still scored 75 % or more); it stays visible here, with each stance on its own, until enough questions honestly make such an
     * option wrong. Re-tagging a stance only to lower these figures would defeat them.
     */
    static final Map<String, BiFunction<Question, Set<String>, List<Integer>>> REPORTED = new LinkedHashMap<>();

    static {
        STRATEGIES.put("blind guess", (q, stage) -> indexes(q));
        STRATEGIES.put("the longest", (q, stage) -> {
            int max = q.options().stream().mapToInt(QuestionCuesTest::length).max().orElse(0);
            return indexes(q).stream().filter(i -> length(q.options().get(i)) == max).toList();
        });
        STRATEGIES.put("the shortest", (q, stage) -> {
            int min = q.options().stream().mapToInt(QuestionCuesTest::length).min().orElse(0);
            return indexes(q).stream().filter(i -> length(q.options().get(i)) == min).toList();
        });
        STRATEGIES.put("never the longest", (q, stage) -> {
            int max = q.options().stream().mapToInt(QuestionCuesTest::length).max().orElse(0);
            return indexes(q).stream().filter(i -> length(q.options().get(i)) < max).toList();
        });
        STRATEGIES.put("the second-longest", (q, stage) -> indexes(q).stream()
                .filter(i -> q.options().stream().filter(o -> length(o) > length(q.options().get(i))).count() == 1)
                .toList());
        STRATEGIES.put("the second-shortest", (q, stage) -> indexes(q).stream()
                .filter(i -> q.options().stream().filter(o -> length(o) < length(q.options().get(i))).count() == 1)
                .toList());
        STRATEGIES.put("avoid absolute words", (q, stage) -> indexes(q).stream()
                .filter(i -> !absolute(q.options().get(i))).toList());
        STRATEGIES.put("never longest, no absolute words", (q, stage) -> {
            int max = q.options().stream().mapToInt(QuestionCuesTest::length).max().orElse(0);
            return indexes(q).stream().filter(i -> length(q.options().get(i)) < max && !absolute(q.options().get(i)))
                    .toList();
        });
        STRATEGIES.put("most like the stage text", (q, stage) -> {
            long max = q.options().stream().mapToLong(o -> overlap(o, stage)).max().orElse(0);
            return indexes(q).stream().filter(i -> overlap(q.options().get(i), stage) == max).toList();
        });
        STRATEGIES.put("least like the stage text", (q, stage) -> {
            long min = q.options().stream().mapToLong(o -> overlap(o, stage)).min().orElse(0);
            return indexes(q).stream().filter(i -> overlap(q.options().get(i), stage) == min).toList();
        });
        STRATEGIES.put("the middle one", (q, stage) -> {
            int n = q.options().size();
            return n % 2 == 1 ? List.of(n / 2) : List.of(n / 2 - 1, n / 2);
        });
        STRATEGIES.put("strike out refer and reassure", (q, stage) -> indexes(q).stream()
                .filter(i -> !stanceIn(q.options().get(i), Stance.REFER, Stance.REASSURE)).toList());
        REPORTED.put("the secure-base or explore one", (q, stage) -> indexes(q).stream()
                .filter(i -> stanceIn(q.options().get(i), Stance.SECURE_BASE, Stance.EXPLORE))
                .toList());
        REPORTED.put("the explore one", (q, stage) -> indexes(q).stream()
                .filter(i -> stanceIn(q.options().get(i), Stance.EXPLORE)).toList());
        REPORTED.put("the secure-base one", (q, stage) -> indexes(q).stream()
                .filter(i -> stanceIn(q.options().get(i), Stance.SECURE_BASE)).toList());
    }

    @Test
    void noSurfaceStrategyBeatsThirtyPercent() {
        List<Asked> asked = questions();
        assertTrue(asked.size() >= 30, "enough questions to judge: " + asked.size());
        StringBuilder report = new StringBuilder();
        boolean beaten = false;
        for (Map.Entry<String, BiFunction<Question, Set<String>, List<Integer>>> s : STRATEGIES.entrySet()) {
            double score = asked.stream().mapToDouble(a -> chance(a.question(), s.getValue().apply(a.question(),
                    a.stageWords()))).average().orElse(0);
            report.append(String.format(Locale.ROOT, "%-34s %5.1f %%%n", s.getKey(), score * 100));
            beaten |= score > CEILING;
        }
        for (Map.Entry<String, BiFunction<Question, Set<String>, List<Integer>>> s : REPORTED.entrySet()) {
            double score = asked.stream().mapToDouble(a -> chance(a.question(), s.getValue().apply(a.question(),
                    a.stageWords()))).average().orElse(0);
            report.append(String.format(Locale.ROOT, "%-34s %5.1f %% (reported, not held to the ceiling)%n",
                    s.getKey(), score * 100));
        }
        System.out.println("Surface strategies over " + asked.size() + " questions:\n" + report);
        assertTrue(!beaten, "a strategy beats " + (int) (CEILING * 100) + " %:\n" + report);
    }

    @Test
    void everyQuestionHasOneBestReadingAmongAtLeastFour() {
        for (Asked a : questions()) {
            assertTrue(a.question().options().size() >= 4, a.module() + "/" + a.stage() + ": at least four options");
            assertEquals(1, a.question().options().stream().filter(Option::correct).count(),
                    a.module() + "/" + a.stage() + ": one best reading");
        }
    }

    @Test
    void everyOptionTellsWhatHappenedNext() {
        for (Asked a : questions()) {
            for (Option o : a.question().options()) {
                assertTrue(o.consequenceHtml() != null && !o.consequenceHtml().isBlank(),
                        a.module() + "/" + a.stage() + ": no consequence for '" + o.text() + "'");
            }
        }
    }

    @Test
    void atLeastTwoModulesPerInsecurePatternBranch() {
        Map<String, Long> branching = SCAN.modules().stream().map(ContentFolder.LoadedModule::definition)
                .filter(ModuleDefinition::branches).flatMap(m -> m.patterns().stream())
                .collect(Collectors.groupingBy(p -> p.code(), Collectors.counting()));
        for (String p : List.of("hyperactivating", "deactivating", "disorganised")) {
            assertTrue(branching.getOrDefault(p, 0L) >= 2, p + ": " + branching);
        }
    }
}
