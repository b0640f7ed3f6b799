package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.InstrumentDefinition.Classification;
import org.securebase.domain.instrument.InstrumentDefinition.Item;
import org.securebase.domain.instrument.InstrumentDefinition.Kind;
import org.securebase.domain.instrument.InstrumentDefinition.Scale;
import org.securebase.domain.instrument.InstrumentDefinition.ScoreRule;
import org.securebase.domain.instrument.InstrumentDefinition.Subscale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one instrument file ({@code content/instruments/<slug>.yaml}); see {@code content/README.md}. Checks that
 * reverse keys, subscales and the classification only name items and subscales that exist, so every instrument
 * that loads can be scored.
 */
public final class InstrumentParser extends YamlShapes {

    private static final Set<String> KEYS = Set.of("slug", "title", "kind", "instructions", "caution", "scale",
            "items", "reverseKeyed", "subscales", "classification", "references", "private");
    private static final Set<String> SCALE_KEYS = Set.of("min", "max", "anchors");
    private static final Set<String> ITEM_KEYS = Set.of("id", "text", "reverse");
    private static final Set<String> SUBSCALE_KEYS = Set.of("id", "title", "items", "score", "minAnswered", "sd",
            "reliability");
    private static final Set<String> CLASSIFICATION_KEYS = Set.of("x", "y", "midpoint", "midpointIs", "types");

    private InstrumentParser(String file) {
        super(file);
    }

    public static Parsed<InstrumentDefinition> parse(String file, String expectedSlug, String source) {
        InstrumentParser parser = new InstrumentParser(file);
        InstrumentDefinition definition = parser.read(expectedSlug, source);
        return Parsed.of(definition, parser.problems());
    }

    private InstrumentDefinition read(String expectedSlug, String source) {
        Node root = root(source, new ContentProblem.Term("term.instrumentFile"));
        if (root == null) {
            return null;
        }
        Map<String, Node> m = mapping(root, KEYS);
        String slug = slug(m, root, expectedSlug);
        String title = text(m, "title", root, 200);
        Kind kind = kind(m, root);
        String instructions = text(m, "instructions", root, 5000);
        String caution = optionalText(m, "caution", 5000);
        Scale scale = scale(m, root);
        List<Item> items = items(m, root, kind);
        Set<String> itemIds = new HashSet<>(items.stream().map(Item::id).toList());
        List<String> reverseKeyed = m.containsKey("reverseKeyed") ? strings(m, "reverseKeyed", root) : List.of();
        for (String id : reverseKeyed) {
            if (!itemIds.contains(id)) {
                problem(line(m.get("reverseKeyed")), "instrument.reverseMissing", id);
            }
        }
        items = items.stream().map(i -> reverseKeyed.contains(i.id()) ? new Item(i.id(), i.text(), true) : i).toList();
        List<Subscale> subscales = subscales(m, root, itemIds);
        Classification classification = m.containsKey("classification")
                ? classification(m.get("classification"), subscales, scale) : null;
        if (classification != null && caution == null) {
            problem(line(m.get("classification")), "instrument.caution");
        }
        List<String> references = m.containsKey("references") ? strings(m, "references", root) : List.of();
        boolean privateResults = bool(m, "private");
        if (!problems().isEmpty()) {
            return null;
        }
        return new InstrumentDefinition(slug, title, kind, Markdown.toHtml(instructions),
                caution == null ? null : Markdown.toHtml(caution), scale, items, subscales, classification, references,
                privateResults);
    }

    private Kind kind(Map<String, Node> m, Node root) {
        String kind = text(m, "kind", root, 20);
        if ("original".equals(kind)) {
            return Kind.ORIGINAL;
        }
        if ("licensed".equals(kind)) {
            return Kind.LICENSED;
        }
        if (kind != null) {
            problem(line(m.get("kind")), "instrument.kind", kind);
        }
        return Kind.ORIGINAL;
    }

    private Scale scale(Map<String, Node> m, Node root) {
        Node node = m.get("scale");
        if (!(node instanceof MappingNode)) {
            problem(line(node == null ? root : node), "scale.notMapping");
            return new Scale(1, 2, Map.of());
        }
        Map<String, Node> s = mapping(node, SCALE_KEYS);
        int min = integer(s, "min", node, 0, 100);
        int max = integer(s, "max", node, 1, 100);
        if (min >= max) {
            problem(line(node), "scale.minMax", String.valueOf(min), String.valueOf(max));
        }
        Map<Integer, String> anchors = new LinkedHashMap<>();
        Node anchorNode = s.get("anchors");
        if (!(anchorNode instanceof MappingNode anchorMap)) {
            problem(line(anchorNode == null ? node : anchorNode), "scale.anchors");
        } else {
            for (NodeTuple t : anchorMap.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                String label = scalar(t.getValueNode(), "anchor");
                try {
                    int point = Integer.parseInt(key);
                    if (point < min || point > max) {
                        problem(line(t.getKeyNode()), "scale.anchorOutside", String.valueOf(point), String.valueOf(min),
                                String.valueOf(max));
                    }
                    anchors.put(point, label);
                } catch (NumberFormatException e) {
                    problem(line(t.getKeyNode()), "scale.anchorKey", key);
                }
            }
            if (!anchors.containsKey(min) || !anchors.containsKey(max)) {
                problem(line(anchorNode), "scale.ends", String.valueOf(min), String.valueOf(max));
            }
        }
        return new Scale(min, max, anchors);
    }

    private List<Item> items(Map<String, Node> m, Node root, Kind kind) {
        List<Item> items = new ArrayList<>();
        SequenceNode seq = sequence(m, "items", root);
        Set<String> ids = new HashSet<>();
        for (Node node : seq == null ? List.<Node>of() : seq.getValue()) {
            if (!(node instanceof MappingNode)) {
                problem(line(node), "item.notMapping");
                continue;
            }
            Map<String, Node> i = mapping(node, ITEM_KEYS);
            String id = id(i, "id", node, ids, new ContentProblem.Term("term.item"));
            String text = kind == Kind.LICENSED ? optionalText(i, "text", 1000) : text(i, "text", node, 1000);
            items.add(new Item(id, text, bool(i, "reverse")));
        }
        return items;
    }

    private List<Subscale> subscales(Map<String, Node> m, Node root, Set<String> itemIds) {
        List<Subscale> subscales = new ArrayList<>();
        SequenceNode seq = sequence(m, "subscales", root);
        Set<String> ids = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Node node : seq == null ? List.<Node>of() : seq.getValue()) {
            if (!(node instanceof MappingNode)) {
                problem(line(node), "subscale.notMapping");
                continue;
            }
            Map<String, Node> s = mapping(node, SUBSCALE_KEYS);
            String id = id(s, "id", node, ids, new ContentProblem.Term("term.subscale"));
            String title = text(s, "title", node, 200);
            List<String> items = strings(s, "items", node);
            for (String item : items) {
                if (!itemIds.contains(item)) {
                    problem(line(s.get("items")), "subscale.missingItem", id, item);
                }
            }
            covered.addAll(items);
            String rule = text(s, "score", node, 10);
            ScoreRule scoreRule = "sum".equals(rule) ? ScoreRule.SUM : ScoreRule.MEAN;
            if (rule != null && !rule.equals("mean") && !rule.equals("sum")) {
                problem(line(s.get("score")), "subscale.score", rule);
            }
            double minAnswered = s.containsKey("minAnswered") ? orZero(decimal(s, "minAnswered", node, 0.01, 1)) : 0.8;
            Double sd = s.containsKey("sd") ? decimal(s, "sd", node, 0.0001, 1000) : null;
            Double reliability = s.containsKey("reliability") ? decimal(s, "reliability", node, 0, 0.9999) : null;
            subscales.add(new Subscale(id, title, items, scoreRule, minAnswered, sd, reliability));
        }
        for (String item : itemIds) {
            if (!covered.contains(item) && seq != null) {
                problem(line(seq), "item.unscored", item);
            }
        }
        return subscales;
    }

    private Classification classification(Node node, List<Subscale> subscales, Scale scale) {
        if (!(node instanceof MappingNode)) {
            problem(line(node), "classification.notMapping");
            return null;
        }
        Map<String, Node> c = mapping(node, CLASSIFICATION_KEYS);
        Set<String> subscaleIds = new HashSet<>(subscales.stream().map(Subscale::id).toList());
        String x = text(c, "x", node, 100);
        String y = text(c, "y", node, 100);
        for (String key : List.of("x", "y")) {
            String id = key.equals("x") ? x : y;
            if (id != null && !subscaleIds.contains(id)) {
                problem(line(c.get(key)), "classification.missingSubscale", key, id);
            }
        }
        Double midpoint = decimal(c, "midpoint", node, scale.min(), scale.max());
        String midpointIs = text(c, "midpointIs", node, 10);
        if (midpointIs != null && !midpointIs.equals("low") && !midpointIs.equals("high")) {
            problem(line(c.get("midpointIs")), "classification.midpointIs");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Node typesNode = c.get("types");
        if (!(typesNode instanceof MappingNode typeMap)) {
            problem(line(typesNode == null ? node : typesNode), "classification.types");
        } else {
            for (NodeTuple t : typeMap.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (!Classification.KEYS.contains(key)) {
                    problem(line(t.getKeyNode()), "classification.typeKey", String.valueOf(Classification.KEYS), key);
                }
                types.put(key, scalar(t.getValueNode(), "type"));
            }
            for (String key : Classification.KEYS) {
                if (!types.containsKey(key)) {
                    problem(line(typesNode), "classification.typeMissing", key);
                }
            }
        }
        return new Classification(x, y, midpoint == null ? 0 : midpoint, "high".equals(midpointIs), types);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
