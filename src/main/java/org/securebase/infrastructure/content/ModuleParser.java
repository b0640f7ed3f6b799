package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDefinition.Option;
import org.securebase.domain.module.ModuleDefinition.Prompt;
import org.securebase.domain.module.ModuleDefinition.Question;
import org.securebase.domain.module.ModuleDefinition.Stage;
import org.securebase.domain.module.Pattern;
import org.securebase.domain.module.Stance;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one module file (YAML, prose in Markdown) into a {@link ModuleDefinition}, or reports every problem it
 * finds with its line. SnakeYAML does the parsing; this class only checks the shape against the format
 * described in {@code content/README.md}. Unknown keys are errors, so a typo never silently drops text.
 */
public final class ModuleParser extends YamlShapes {

    private static final Set<String> MODULE_KEYS = Set.of("slug", "title", "patterns", "themes", "setting",
            "estimatedMinutes", "summary", "objectives", "stages", "prompts", "commentary", "references");
    private static final Set<String> STAGE_KEYS = Set.of("id", "title", "when", "body", "question", "next", "ending");
    private static final Set<String> QUESTION_KEYS = Set.of("text", "options");
    private static final Set<String> OPTION_KEYS = Set.of("text", "correct", "feedback", "consequence", "next",
            "stance", "commentary");
    private static final Set<String> PROMPT_KEYS = Set.of("id", "text", "guidance", "minLength");

    private ModuleParser(String file) {
        super(file);
    }

    /**
     * @param file the name to report problems against (the path as the author knows it)
     * @param expectedSlug the slug the file name implies, or null to skip that check
     */
    public static Parsed<ModuleDefinition> parse(String file, String expectedSlug, String source) {
        ModuleParser parser = new ModuleParser(file);
        ModuleDefinition definition = parser.read(expectedSlug, source);
        return Parsed.of(definition, parser.problems());
    }

    private ModuleDefinition read(String expectedSlug, String source) {
        Node root = root(source, new ContentProblem.Term("term.moduleFile"));
        if (root == null) {
            return null;
        }
        Map<String, Node> m = mapping(root, MODULE_KEYS);
        String slug = slug(m, root, expectedSlug);
        String title = text(m, "title", root, 200);
        List<Pattern> patterns = patterns(m, root);
        List<String> themes = themes(m);
        String setting = text(m, "setting", root, 100);
        int minutes = integer(m, "estimatedMinutes", root, 5, 120);
        String summary = text(m, "summary", root, 2000);
        List<String> objectives = strings(m, "objectives", root);
        List<Stage> stages = stages(m, root);
        List<Prompt> prompts = prompts(m, root);
        String commentary = text(m, "commentary", root, 100_000);
        List<String> references = strings(m, "references", root);
        if (!problems().isEmpty()) {
            return null;
        }
        return new ModuleDefinition(slug, title, patterns, themes, setting, minutes, Markdown.toHtml(summary),
                objectives,
                stages, prompts, Markdown.toHtml(commentary), references);
    }

    private List<Pattern> patterns(Map<String, Node> m, Node parent) {
        List<Pattern> patterns = new ArrayList<>();
        SequenceNode seq = sequence(m, "patterns", parent);
        if (seq == null) {
            return patterns;
        }
        for (Node item : seq.getValue()) {
            String code = scalar(item, "patterns item");
            if (code == null) {
                continue;
            }
            Optional<Pattern> pattern = Pattern.fromCode(code);
            if (pattern.isEmpty()) {
                problem(line(item), "pattern.unknown", code);
            } else if (patterns.contains(pattern.get())) {
                problem(line(item), "pattern.twice", code);
            } else {
                patterns.add(pattern.get());
            }
        }
        return patterns;
    }

    private List<String> themes(Map<String, Node> m) {
        List<String> themes = new ArrayList<>();
        if (!m.containsKey("themes")) {
            return themes;
        }
        SequenceNode seq = sequence(m, "themes", null);
        for (Node item : seq == null ? List.<Node>of() : seq.getValue()) {
            String theme = scalar(item, "themes item");
            if (theme != null && !ModuleDefinition.THEMES.contains(theme)) {
                problem(line(item), "theme.unknown", theme, String.join(", ", ModuleDefinition.THEMES));
            } else if (theme != null && !themes.contains(theme)) {
                themes.add(theme);
            }
        }
        return themes;
    }

    /**
     * The stages in file order. Ids default to {@code stage-<n>} by position, so a file written before cases could
     * branch keeps its meaning. When the stages themselves are well formed, {@link CaseGraph} checks the ways
     * through them.
     */
    private List<Stage> stages(Map<String, Node> m, Node parent) {
        List<Stage> stages = new ArrayList<>();
        SequenceNode seq = sequence(m, "stages", parent);
        if (seq == null) {
            return stages;
        }
        int problemsBefore = problems().size();
        Set<String> ids = new HashSet<>();
        List<CaseGraph.Lines> lines = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode)) {
                problem(line(item), "stage.notMapping");
                continue;
            }
            Map<String, Node> s = mapping(item, STAGE_KEYS);
            String id = stageId(s, item, stages.size() + 1, ids);
            String title = text(s, "title", item, 200);
            String when = optionalText(s, "when", 100);
            String body = text(s, "body", item, 20_000);
            String next = optionalText(s, "next", 100);
            boolean ending = bool(s, "ending");
            if (ending && next != null) {
                problem(line(s.get("next")), "stage.endingWithNext", id);
            }
            List<Integer> optionNextLines = new ArrayList<>();
            Question question = s.containsKey("question") ? question(s.get("question"), optionNextLines) : null;
            if (ending) {
                optionNextLines.stream().filter(l -> l > 0).forEach(l -> problem(l, "stage.endingWithOptionNext", id));
            }
            stages.add(new Stage(id, title, when, Markdown.toHtml(body), question, next, ending));
            lines.add(new CaseGraph.Lines(line(item), line(s.get("next")), optionNextLines));
        }
        if (problems().size() == problemsBefore) {
            CaseGraph.check(stages, lines, this::problem);
        }
        return stages;
    }

    /** The stage's own id, or {@code stage-<position>} when it has none. */
    private String stageId(Map<String, Node> s, Node item, int position, Set<String> ids) {
        if (s.containsKey("id")) {
            String id = id(s, "id", item, ids, new ContentProblem.Term("term.stage"));
            return id == null ? "stage-" + position : id;
        }
        String id = "stage-" + position;
        if (!ids.add(id)) {
            problem(line(item), "stage.defaultIdTaken", id);
        }
        return id;
    }

    private Question question(Node node, List<Integer> optionNextLines) {
        if (!(node instanceof MappingNode)) {
            problem(line(node), "question.notMapping");
            return null;
        }
        Map<String, Node> q = mapping(node, QUESTION_KEYS);
        String text = text(q, "text", node, 1000);
        List<Option> options = new ArrayList<>();
        SequenceNode seq = sequence(q, "options", node);
        if (seq != null) {
            if (seq.getValue().size() < 2) {
                problem(line(seq), "question.tooFewOptions");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode)) {
                    problem(line(item), "option.notMapping");
                    continue;
                }
                Map<String, Node> o = mapping(item, OPTION_KEYS);
                String optionText = text(o, "text", item, 1000);
                boolean correct = bool(o, "correct");
                String feedback = text(o, "feedback", item, 5000);
                String consequence = optionalText(o, "consequence", 5000);
                String next = optionalText(o, "next", 100);
                Stance stance = stance(o);
                String commentary = optionalText(o, "commentary", 5000);
                options.add(new Option(optionText, correct, Markdown.toHtml(feedback), html(consequence), next,
                        stance, html(commentary)));
                optionNextLines.add(line(o.get("next")));
            }
            if (!options.isEmpty() && options.stream().noneMatch(Option::correct)) {
                problem(line(seq), "question.noCorrect");
            }
        }
        return new Question(text, options);
    }

    private Stance stance(Map<String, Node> o) {
        Node node = o.get("stance");
        String code = optionalText(o, "stance", 100);
        if (code == null) {
            return null;
        }
        Optional<Stance> stance = Stance.fromCode(code);
        if (stance.isEmpty()) {
            problem(line(node), "stance.unknown", code, Stance.codes());
        }
        return stance.orElse(null);
    }

    /** Optional Markdown: null stays null, so "no consequence" is not an empty paragraph. */
    private static String html(String markdown) {
        return markdown == null ? null : Markdown.toHtml(markdown);
    }

    private List<Prompt> prompts(Map<String, Node> m, Node parent) {
        List<Prompt> prompts = new ArrayList<>();
        SequenceNode seq = sequence(m, "prompts", parent);
        if (seq == null) {
            return prompts;
        }
        Set<String> ids = new HashSet<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode)) {
                problem(line(item), "prompt.notMapping");
                continue;
            }
            Map<String, Node> p = mapping(item, PROMPT_KEYS);
            String id = id(p, "id", item, ids, new ContentProblem.Term("term.prompt"));
            String text = text(p, "text", item, 1000);
            String guidance = text(p, "guidance", item, 5000);
            int minLength = integer(p, "minLength", item, 0, 20_000);
            prompts.add(new Prompt(id, text, Markdown.toHtml(guidance), minLength));
        }
        return prompts;
    }
}
