package org.securebase.infrastructure.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one module file (YAML, prose in Markdown) into a {@link ModuleDefinition}, or reports every problem it
 * finds with its line. SnakeYAML does the parsing; this class only checks the shape against the format
 * described in {@code content/README.md}. Unknown keys are errors, so a typo never silently drops text.
 */
public final class ModuleParser {

    static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> MODULE_KEYS = Set.of("slug", "title", "patterns", "themes", "setting",
            "estimatedMinutes", "summary", "objectives", "stages", "prompts", "commentary", "references");
    private static final Set<String> STAGE_KEYS = Set.of("title", "when", "body", "question");
    private static final Set<String> QUESTION_KEYS = Set.of("text", "options");
    private static final Set<String> OPTION_KEYS = Set.of("text", "correct", "feedback");
    private static final Set<String> PROMPT_KEYS = Set.of("id", "text", "guidance", "minLength");

    /** The outcome for one file: a definition when, and only when, there are no problems. */
    public record Result(Optional<ModuleDefinition> definition, List<ContentProblem> problems) {
    }

    private final String file;
    private final List<ContentProblem> problems = new ArrayList<>();

    private ModuleParser(String file) {
        this.file = file;
    }

    /**
     * @param file the name to report problems against (the path as the author knows it)
     * @param expectedSlug the slug the file name implies, or null to skip that check
     */
    public static Result parse(String file, String expectedSlug, String source) {
        ModuleParser parser = new ModuleParser(file);
        ModuleDefinition definition = parser.read(expectedSlug, source);
        return parser.problems.isEmpty()
                ? new Result(Optional.of(definition), List.of())
                : new Result(Optional.empty(), List.copyOf(parser.problems));
    }

    private ModuleDefinition read(String expectedSlug, String source) {
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, "not valid YAML: " + e.getProblem());
            return null;
        } catch (YAMLException e) {
            problem(0, "not valid YAML: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problem(root == null ? 1 : line(root), "a module file must be a mapping of keys (slug:, title:, ...)");
            return null;
        }
        Map<String, Node> m = mapping(root, MODULE_KEYS);
        String slug = text(m, "slug", root, 100);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            problem(line(m.get("slug")), "slug '" + slug + "' must be lowercase letters, digits and single hyphens");
        } else if (slug != null && expectedSlug != null && !slug.equals(expectedSlug)) {
            problem(line(m.get("slug")), "slug '" + slug + "' does not match the file name '" + expectedSlug + ".yaml'");
        }
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
        if (!problems.isEmpty()) {
            return null;
        }
        return new ModuleDefinition(slug, title, patterns, themes, setting, minutes, Markdown.toHtml(summary), objectives,
                stages, prompts, Markdown.toHtml(commentary), references);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2_000_000);
        return options;
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
                problem(line(item), "unknown pattern '" + code + "'; use one of: hyperactivating, deactivating, "
                        + "disorganised, secure");
            } else if (patterns.contains(pattern.get())) {
                problem(line(item), "pattern '" + code + "' is listed twice");
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
                problem(line(item), "unknown theme '" + theme + "'; use one of: "
                        + String.join(", ", ModuleDefinition.THEMES));
            } else if (theme != null && !themes.contains(theme)) {
                themes.add(theme);
            }
        }
        return themes;
    }

    private List<Stage> stages(Map<String, Node> m, Node parent) {
        List<Stage> stages = new ArrayList<>();
        SequenceNode seq = sequence(m, "stages", parent);
        if (seq == null) {
            return stages;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode)) {
                problem(line(item), "each stage must be a mapping with title:, body: and optionally when:, question:");
                continue;
            }
            Map<String, Node> s = mapping(item, STAGE_KEYS);
            String title = text(s, "title", item, 200);
            String when = optionalText(s, "when", 100);
            String body = text(s, "body", item, 20_000);
            Question question = s.containsKey("question") ? question(s.get("question")) : null;
            stages.add(new Stage(title, when, Markdown.toHtml(body), question));
        }
        return stages;
    }

    private Question question(Node node) {
        if (!(node instanceof MappingNode)) {
            problem(line(node), "question must be a mapping with text: and options:");
            return null;
        }
        Map<String, Node> q = mapping(node, QUESTION_KEYS);
        String text = text(q, "text", node, 1000);
        List<Option> options = new ArrayList<>();
        SequenceNode seq = sequence(q, "options", node);
        if (seq != null) {
            if (seq.getValue().size() < 2) {
                problem(line(seq), "a question needs at least 2 options");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode)) {
                    problem(line(item), "each option must be a mapping with text:, feedback: and optionally correct:");
                    continue;
                }
                Map<String, Node> o = mapping(item, OPTION_KEYS);
                String optionText = text(o, "text", item, 1000);
                boolean correct = bool(o, "correct");
                String feedback = text(o, "feedback", item, 5000);
                options.add(new Option(optionText, correct, Markdown.toHtml(feedback)));
            }
            if (!options.isEmpty() && options.stream().noneMatch(Option::correct)) {
                problem(line(seq), "no option is marked 'correct: true'");
            }
        }
        return new Question(text, options);
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
                problem(line(item), "each prompt must be a mapping with id:, text:, guidance: and minLength:");
                continue;
            }
            Map<String, Node> p = mapping(item, PROMPT_KEYS);
            String id = text(p, "id", item, 100);
            if (id != null && !SLUG.matcher(id).matches()) {
                problem(line(p.get("id")), "prompt id '" + id + "' must be lowercase letters, digits and hyphens");
            } else if (id != null && !ids.add(id)) {
                problem(line(p.get("id")), "prompt id '" + id + "' is used twice");
            }
            String text = text(p, "text", item, 1000);
            String guidance = text(p, "guidance", item, 5000);
            int minLength = integer(p, "minLength", item, 0, 20_000);
            prompts.add(new Prompt(id, text, Markdown.toHtml(guidance), minLength));
        }
        return prompts;
    }

    // --- generic shape checks -------------------------------------------------------------------------------

    private Map<String, Node> mapping(Node node, Set<String> allowed) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problem(line(tuple.getKeyNode()), "unknown key '" + key + "'; expected one of: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            } else if (values.put(key, tuple.getValueNode()) != null) {
                problem(line(tuple.getKeyNode()), "key '" + key + "' appears twice");
            }
        }
        return values;
    }

    private String text(Map<String, Node> m, String key, Node parent, int max) {
        Node node = m.get(key);
        if (node == null) {
            problem(line(parent), "missing required key '" + key + "'");
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.isBlank()) {
            problem(line(node), "'" + key + "' is empty");
            return null;
        }
        if (value != null && value.length() > max) {
            problem(line(node), "'" + key + "' is longer than " + max + " characters");
        }
        return value == null ? null : value.strip();
    }

    private String optionalText(Map<String, Node> m, String key, int max) {
        Node node = m.get(key);
        if (node == null) {
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.length() > max) {
            problem(line(node), "'" + key + "' is longer than " + max + " characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private int integer(Map<String, Node> m, String key, Node parent, int min, int max) {
        String value = text(m, key, parent, 20);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                problem(line(m.get(key)), "'" + key + "' must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            problem(line(m.get(key)), "'" + key + "' must be a whole number, not '" + value + "'");
            return 0;
        }
    }

    private boolean bool(Map<String, Node> m, String key) {
        Node node = m.get(key);
        if (node == null) {
            return false;
        }
        String value = scalar(node, key);
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        problem(line(node), "'" + key + "' must be true or false, not '" + value + "'");
        return false;
    }

    private List<String> strings(Map<String, Node> m, String key, Node parent) {
        List<String> values = new ArrayList<>();
        SequenceNode seq = sequence(m, key, parent);
        if (seq != null) {
            for (Node item : seq.getValue()) {
                String value = scalar(item, key + " item");
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                } else if (value != null) {
                    problem(line(item), "empty item in '" + key + "'");
                }
            }
        }
        return values;
    }

    private SequenceNode sequence(Map<String, Node> m, String key, Node parent) {
        Node node = m.get(key);
        if (node == null) {
            problem(line(parent), "missing required key '" + key + "'");
            return null;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(line(node), "'" + key + "' must be a list (lines starting with '- ')");
            return null;
        }
        if (seq.getValue().isEmpty()) {
            problem(line(node), "'" + key + "' must not be empty");
            return null;
        }
        return seq;
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(line(node), "'" + what + "' must be a single value, not a list or mapping");
        return null;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private void problem(int line, String message) {
        problems.add(new ContentProblem(file, line, message));
    }
}
