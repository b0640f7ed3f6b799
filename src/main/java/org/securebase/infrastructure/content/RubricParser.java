package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.domain.review.RubricDefinition.Criterion;
import org.securebase.domain.review.RubricDefinition.Level;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one rubric file ({@code content/rubrics/<slug>.yaml}); see {@code content/README.md}. */
public final class RubricParser extends YamlShapes {

    private static final Set<String> KEYS = Set.of("slug", "title", "description", "levels", "criteria",
            "references");
    private static final Set<String> LEVEL_KEYS = Set.of("id", "title", "descriptor");
    private static final Set<String> CRITERION_KEYS = Set.of("id", "title", "descriptors", "scale");

    private RubricParser(String file) {
        super(file);
    }

    public static Parsed<RubricDefinition> parse(String file, String expectedSlug, String source) {
        RubricParser parser = new RubricParser(file);
        RubricDefinition definition = parser.read(expectedSlug, source);
        return Parsed.of(definition, parser.problems());
    }

    private RubricDefinition read(String expectedSlug, String source) {
        Node root = root(source, new ContentProblem.Term("term.rubricFile"));
        if (root == null) {
            return null;
        }
        Map<String, Node> m = mapping(root, KEYS);
        String slug = slug(m, root, expectedSlug);
        String title = text(m, "title", root, 200);
        String description = text(m, "description", root, 5000);
        List<Level> levels = ratings(m, "levels", root, new ContentProblem.Term("term.level"), "rubric.tooFewLevels");
        Set<String> levelIds = new HashSet<>(levels.stream().map(Level::id).toList());
        List<Criterion> criteria = new ArrayList<>();
        if (m.containsKey("criteria")) {
            SequenceNode cs = sequence(m, "criteria", root);
            Set<String> criterionIds = new HashSet<>();
            for (Node node : cs == null ? List.<Node>of() : cs.getValue()) {
                if (!(node instanceof MappingNode)) {
                    problem(line(node), "criterion.notMapping");
                    continue;
                }
                Map<String, Node> c = mapping(node, CRITERION_KEYS);
                String id = id(c, "id", node, criterionIds, new ContentProblem.Term("term.criterion"));
                String criterionTitle = text(c, "title", node, 200);
                if (c.containsKey("scale") == c.containsKey("descriptors")) {
                    problem(line(node), "criterion.descriptorsOrScale", id);
                    continue;
                }
                if (c.containsKey("scale")) {
                    criteria.add(new Criterion(id, criterionTitle, Map.of(),
                            ratings(c, "scale", node, new ContentProblem.Term("term.rating"), "rubric.tooFewRatings")));
                } else {
                    criteria.add(new Criterion(id, criterionTitle, descriptors(c.get("descriptors"), node, levelIds)));
                }
            }
        }
        List<String> references = m.containsKey("references") ? strings(m, "references", root) : List.of();
        if (!problems().isEmpty()) {
            return null;
        }
        return new RubricDefinition(slug, title, Markdown.toHtml(description), levels, criteria, references);
    }

    /**
     * An ordered list of ratings, each with id, title and descriptor: the rubric's levels, or a criterion's own scale.
     *
     * @param kind what one rating is called in messages (level, rating)
     * @param tooFew the message key for fewer than two
     */
    private List<Level> ratings(Map<String, Node> m, String key, Node parent, ContentProblem.Term kind, String tooFew) {
        List<Level> ratings = new ArrayList<>();
        SequenceNode seq = sequence(m, key, parent);
        Set<String> ids = new HashSet<>();
        for (Node node : seq == null ? List.<Node>of() : seq.getValue()) {
            if (!(node instanceof MappingNode)) {
                problem(line(node), "rating.notMapping", kind);
                continue;
            }
            Map<String, Node> l = mapping(node, LEVEL_KEYS);
            String id = id(l, "id", node, ids, kind);
            ratings.add(new Level(id, text(l, "title", node, 200), Markdown.toHtml(text(l, "descriptor", node, 5000))));
        }
        if (seq != null && ratings.size() < 2) {
            problem(line(seq), tooFew);
        }
        return ratings;
    }

    private Map<String, String> descriptors(Node node, Node parent, Set<String> levelIds) {
        Map<String, String> descriptors = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(line(node == null ? parent : node), "rubric.descriptors");
            return descriptors;
        }
        for (NodeTuple t : map.getValue()) {
            String level = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!levelIds.contains(level)) {
                problem(line(t.getKeyNode()), "rubric.unknownLevel", level);
            }
            String text = scalar(t.getValueNode(), "descriptor");
            descriptors.put(level, Markdown.toHtml(text));
        }
        return descriptors;
    }
}
