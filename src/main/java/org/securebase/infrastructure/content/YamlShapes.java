package org.securebase.infrastructure.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * The shape checks every content file shares: SnakeYAML parses, this class checks keys, types and ranges against
 * a format and collects every problem with its line, so an author sees all of them in one run.
 */
abstract class YamlShapes {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String file;
    private final List<ContentProblem> problems = new ArrayList<>();

    YamlShapes(String file) {
        this.file = file;
    }

    List<ContentProblem> problems() {
        return List.copyOf(problems);
    }

    /** The document's root mapping, or null (with a problem) when the text is not YAML or not a mapping. */
    Node root(String source, ContentProblem.Term what) {
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(source));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, "yaml.invalid", e.getProblem());
            return null;
        } catch (YAMLException e) {
            problem(0, "yaml.invalid", e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problem(root == null ? 1 : line(root), "yaml.notMapping", what);
            return null;
        }
        return root;
    }

    /** The slug: well formed and equal to the file name. */
    String slug(Map<String, Node> m, Node root, String expectedSlug) {
        String slug = text(m, "slug", root, 100);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            problem(line(m.get("slug")), "slug.malformed", slug);
        } else if (slug != null && expectedSlug != null && !slug.equals(expectedSlug)) {
            problem(line(m.get("slug")), "slug.fileName", slug, expectedSlug);
        }
        return slug;
    }

    /** An identifier inside a file (item, prompt, subscale, milestone): same rule as slugs. */
    String id(Map<String, Node> m, String key, Node parent, Set<String> seen, ContentProblem.Term what) {
        String id = text(m, key, parent, 100);
        if (id != null && !SLUG.matcher(id).matches()) {
            problem(line(m.get(key)), "id.malformed", what, id);
        } else if (id != null && !seen.add(id)) {
            problem(line(m.get(key)), "id.twice", what, id);
        }
        return id;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2_000_000);
        return options;
    }

    Map<String, Node> mapping(Node node, Set<String> allowed) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problem(line(tuple.getKeyNode()), "key.unknown", key,
                        String.join(", ", allowed.stream().sorted().toList()));
            } else if (values.put(key, tuple.getValueNode()) != null) {
                problem(line(tuple.getKeyNode()), "key.twice", key);
            }
        }
        return values;
    }

    String text(Map<String, Node> m, String key, Node parent, int max) {
        Node node = m.get(key);
        if (node == null) {
            problem(line(parent), "key.missing", key);
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.isBlank()) {
            problem(line(node), "value.empty", key);
            return null;
        }
        if (value != null && value.length() > max) {
            problem(line(node), "value.tooLong", key, max);
        }
        return value == null ? null : value.strip();
    }

    String optionalText(Map<String, Node> m, String key, int max) {
        Node node = m.get(key);
        if (node == null) {
            return null;
        }
        String value = scalar(node, key);
        if (value != null && value.length() > max) {
            problem(line(node), "value.tooLong", key, max);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    int integer(Map<String, Node> m, String key, Node parent, int min, int max) {
        String value = text(m, key, parent, 20);
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                problem(line(m.get(key)), "number.range", key, min, max, String.valueOf(n));
            }
            return n;
        } catch (NumberFormatException e) {
            problem(line(m.get(key)), "number.notWhole", key, value);
            return 0;
        }
    }

    /** A decimal number within a range, or null (with a problem). */
    Double decimal(Map<String, Node> m, String key, Node parent, double min, double max) {
        String value = text(m, key, parent, 30);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (d < min || d > max) {
                problem(line(m.get(key)), "number.range", key, min, max, value);
            }
            return d;
        } catch (NumberFormatException e) {
            problem(line(m.get(key)), "number.notNumber", key, value);
            return null;
        }
    }

    boolean bool(Map<String, Node> m, String key) {
        Node node = m.get(key);
        if (node == null) {
            return false;
        }
        String value = scalar(node, key);
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value);
        }
        problem(line(node), "bool.invalid", key, value);
        return false;
    }

    List<String> strings(Map<String, Node> m, String key, Node parent) {
        List<String> values = new ArrayList<>();
        SequenceNode seq = sequence(m, key, parent);
        if (seq != null) {
            for (Node item : seq.getValue()) {
                String value = scalar(item, key + " item");
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                } else if (value != null) {
                    problem(line(item), "list.emptyItem", key);
                }
            }
        }
        return values;
    }

    SequenceNode sequence(Map<String, Node> m, String key, Node parent) {
        Node node = m.get(key);
        if (node == null) {
            problem(line(parent), "key.missing", key);
            return null;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(line(node), "list.notList", key);
            return null;
        }
        if (seq.getValue().isEmpty()) {
            problem(line(node), "list.empty", key);
            return null;
        }
        return seq;
    }

    String scalar(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(line(node), "value.notScalar", what);
        return null;
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    void problem(int line, String key, Object... args) {
        problems.add(new ContentProblem(file, line, key, args));
    }
}
