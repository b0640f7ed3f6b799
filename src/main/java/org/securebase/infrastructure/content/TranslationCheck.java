package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks that a translation ({@code slug.pt-BR.yaml}) has the structure of its original: the same keys, the same
 * number of stages, options, prompts, items and steps in the same order, and the same value for everything that is
 * not prose (ids, next stages, endings, correct answers, stances, minimum lengths, reverse keys, scales, milestone
 * instruments ...). Every difference is reported at the translation's line, naming the original's line.
 */
final class TranslationCheck extends YamlShapes {

    /** Keys whose values are structure, not prose: a translation keeps them exactly. */
    static final Set<String> STRUCTURAL = Set.of("slug", "id", "next", "ending", "correct", "stance", "minLength",
            "estimatedMinutes", "patterns", "themes", "reverse", "min", "max", "score", "minAnswered", "midpoint",
            "midpointIs", "x", "y", "private", "kind", "items", "module", "instruments", "retrospective", "sd",
            "reliability", "milestone", "perspective");

    /** Keys whose lists may differ in length (a translation may add, say, a Portuguese edition of a book). */
    static final Set<String> FREE_LISTS = Set.of("references");

    private final String originalFile;

    private TranslationCheck(String file, String originalFile) {
        super(file);
        this.originalFile = originalFile;
    }

    /** The differences between the translation and its original, each at the translation's line. */
    static List<ContentProblem> compare(String originalFile, String original, String file, String translation) {
        TranslationCheck check = new TranslationCheck(file, originalFile);
        Node a = new TranslationCheck(originalFile, originalFile).root(original,
                new ContentProblem.Term("term.original"));
        Node b = check.root(translation, new ContentProblem.Term("term.translation"));
        if (a != null && b != null) {
            check.node(a, b, "");
        }
        return check.problems();
    }

    private void node(Node original, Node translated, String path) {
        if (original instanceof MappingNode om && translated instanceof MappingNode tm) {
            Map<String, NodeTuple> left = tuples(om);
            Map<String, NodeTuple> right = tuples(tm);
            for (String key : left.keySet()) {
                if (!right.containsKey(key)) {
                    problem(line(tm), "translation.missing", path + key, at(left.get(key).getKeyNode()));
                }
            }
            for (Map.Entry<String, NodeTuple> e : right.entrySet()) {
                NodeTuple o = left.get(e.getKey());
                if (o == null) {
                    problem(line(e.getValue().getKeyNode()), "translation.extra", path + e.getKey());
                } else if (STRUCTURAL.contains(e.getKey()) && flatValue(o.getValueNode())) {
                    same(o.getValueNode(), e.getValue().getValueNode(), path + e.getKey());
                } else if (!FREE_LISTS.contains(e.getKey())) {
                    node(o.getValueNode(), e.getValue().getValueNode(), path + e.getKey() + ".");
                }
            }
        } else if (original instanceof SequenceNode os && translated instanceof SequenceNode ts) {
            if (os.getValue().size() != ts.getValue().size()) {
                problem(line(ts), "translation.entries", trim(path), ts.getValue().size(), at(os),
                        os.getValue().size());
                return;
            }
            for (int i = 0; i < os.getValue().size(); i++) {
                node(os.getValue().get(i), ts.getValue().get(i), trim(path) + "[" + (i + 1) + "].");
            }
        } else if (original instanceof ScalarNode != translated instanceof ScalarNode) {
            problem(line(translated), "translation.shape", trim(path), at(original));
        }
    }

    /** A structural value: equal as written (scalars, or lists of scalars). */
    private void same(Node original, Node translated, String path) {
        String a = flat(original);
        String b = flat(translated);
        if (!a.equals(b)) {
            problem(line(translated), "translation.changed", path, b, a, at(original));
        }
    }

    /** A scalar, or a list of scalars: a value compared as written (a list of mappings is walked instead). */
    private static boolean flatValue(Node node) {
        return node instanceof ScalarNode
                || node instanceof SequenceNode s && s.getValue().stream().allMatch(n -> n instanceof ScalarNode);
    }

    private static String flat(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof SequenceNode s) {
            List<String> values = new ArrayList<>();
            s.getValue().forEach(n -> values.add(flat(n)));
            return values.toString();
        }
        if (node instanceof MappingNode m) {
            Map<String, String> values = new LinkedHashMap<>();
            m.getValue().forEach(t -> values.put(flat(t.getKeyNode()), flat(t.getValueNode())));
            return values.toString();
        }
        return "";
    }

    private static Map<String, NodeTuple> tuples(MappingNode node) {
        Map<String, NodeTuple> tuples = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                tuples.put(k.getValue(), t);
            }
        }
        return tuples;
    }

    private String at(Node node) {
        return originalFile + ":" + line(node);
    }

    private static String trim(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    }
}
