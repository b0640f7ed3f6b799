package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.ModuleDefinition.Stage;

/**
 * The test-wise cues of one module's questions, for its author: where the best reading can be found from the
 * options' surface rather than by judgement (the only longest option, the only one without absolute wording, the
 * one that echoes the stage's words most). Warnings, not errors: a module may publish with them, but the author sees
 * each beside its stage. The suite's {@code QuestionCuesTest} holds all shipped questions together to a ceiling.
 */
public final class QuestionCues {

    /** Words a test-wise reader learns to avoid (or to trust). */
    public static final Set<String> ABSOLUTE = Set.of("clearly", "only", "must", "always", "never", "definitely",
            "certainly", "completely", "entirely", "nothing", "all", "every", "obviously", "simply", "just");

    /** A cue at one stage's question; {@code key} is a message of {@code problems.properties}. */
    public record Cue(String stageId, int stageNumber, String key) implements java.io.Serializable {

        /** The cue in English. */
        public String message() {
            return message(Locale.ROOT);
        }

        public String message(Locale locale) {
            return new ContentProblem("", 0, key).message(locale);
        }
    }

    private QuestionCues() {
    }

    /** The words of a text longer than three letters, lower-cased. */
    public static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")).filter(w -> w.length() > 3)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Whether an option uses absolute wording. */
    public static boolean absolute(Option o) {
        return Arrays.stream(o.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).anyMatch(ABSOLUTE::contains);
    }

    /** Every cue in the module's questions, by stage. */
    public static List<Cue> of(ModuleDefinition module) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < module.stages().size(); i++) {
            Stage stage = module.stages().get(i);
            if (stage.question() == null || stage.question().options().size() < 2) {
                continue;
            }
            List<Option> options = stage.question().options();
            List<Integer> correct = new ArrayList<>();
            for (int o = 0; o < options.size(); o++) {
                if (options.get(o).correct()) {
                    correct.add(o);
                }
            }
            if (correct.size() != 1) {
                continue;
            }
            Option best = options.get(correct.get(0));
            int number = i + 1;
            if (only(options, best, o -> o.text().length())) {
                cues.add(new Cue(stage.id(), number, "cue.longest"));
            }
            if (!absolute(best) && options.stream().filter(o -> o != best).allMatch(QuestionCues::absolute)) {
                cues.add(new Cue(stage.id(), number, "cue.absolute"));
            }
            Set<String> stageWords = words(stage.bodyHtml().replaceAll("<[^>]+>", " ") + " " + stage.title());
            if (only(options, best, o -> (int) words(o.text()).stream().filter(stageWords::contains).count())) {
                cues.add(new Cue(stage.id(), number, "cue.stageWords"));
            }
        }
        return cues;
    }

    /** Whether {@code best} alone has the highest measure of the options. */
    private static boolean only(List<Option> options, Option best, java.util.function.ToIntFunction<Option> measure) {
        int top = measure.applyAsInt(best);
        return options.stream().filter(o -> o != best).allMatch(o -> measure.applyAsInt(o) < top);
    }
}
