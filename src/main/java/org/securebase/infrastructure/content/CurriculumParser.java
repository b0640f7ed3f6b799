package org.securebase.infrastructure.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.curriculum.CurriculumDefinition.Milestone;
import org.securebase.domain.curriculum.CurriculumDefinition.ModuleStep;
import org.securebase.domain.curriculum.CurriculumDefinition.Step;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one curriculum file ({@code content/curricula/<slug>.yaml}). The modules and instruments it names are
 * checked against the whole content set by {@link ContentFolder}, which knows them all; this class keeps the line
 * of every reference for that check.
 */
public final class CurriculumParser extends YamlShapes {

    private static final Set<String> KEYS = Set.of("slug", "title", "summary", "steps");
    private static final Set<String> MODULE_STEP_KEYS = Set.of("module");
    private static final Set<String> MILESTONE_KEYS = Set.of("milestone", "title", "instruments", "retrospective");

    /** A name the curriculum refers to, with where it stands, for cross-checking. */
    public record Reference(String kind, String slug, int line) {
    }

    public record Result(Optional<CurriculumDefinition> definition, List<Reference> references,
            List<ContentProblem> problems) {
    }

    private final List<Reference> references = new ArrayList<>();

    private CurriculumParser(String file) {
        super(file);
    }

    public static Result parse(String file, String expectedSlug, String source) {
        CurriculumParser parser = new CurriculumParser(file);
        CurriculumDefinition definition = parser.read(expectedSlug, source);
        return parser.problems().isEmpty()
                ? new Result(Optional.of(definition), List.copyOf(parser.references), List.of())
                : new Result(Optional.empty(), List.copyOf(parser.references), parser.problems());
    }

    private CurriculumDefinition read(String expectedSlug, String source) {
        Node root = root(source, new ContentProblem.Term("term.curriculumFile"));
        if (root == null) {
            return null;
        }
        Map<String, Node> m = mapping(root, KEYS);
        String slug = slug(m, root, expectedSlug);
        String title = text(m, "title", root, 200);
        String summary = text(m, "summary", root, 5000);
        List<Step> steps = new ArrayList<>();
        SequenceNode seq = sequence(m, "steps", root);
        Set<String> milestoneIds = new HashSet<>();
        Set<String> modules = new HashSet<>();
        for (Node node : seq == null ? List.<Node>of() : seq.getValue()) {
            if (!(node instanceof MappingNode map)) {
                problem(line(node), "curriculum.step");
                continue;
            }
            boolean isModule = map.getValue().stream()
                    .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("module"));
            if (isModule) {
                Map<String, Node> s = mapping(node, MODULE_STEP_KEYS);
                String module = text(s, "module", node, 100);
                if (module != null && !modules.add(module)) {
                    problem(line(s.get("module")), "curriculum.moduleTwice", module);
                }
                references.add(new Reference("module", module, line(s.get("module"))));
                steps.add(new ModuleStep(module));
            } else {
                Map<String, Node> s = mapping(node, MILESTONE_KEYS);
                String id = id(s, "milestone", node, milestoneIds, new ContentProblem.Term("term.milestone"));
                String milestoneTitle = text(s, "title", node, 200);
                List<String> instruments = strings(s, "instruments", node);
                for (String instrument : instruments) {
                    references.add(new Reference("instrument", instrument, line(s.get("instruments"))));
                }
                steps.add(new Milestone(id, milestoneTitle, instruments, bool(s, "retrospective")));
            }
        }
        if (seq != null && modules.isEmpty()) {
            problem(line(seq), "curriculum.noModule");
        }
        if (!problems().isEmpty()) {
            return null;
        }
        return new CurriculumDefinition(slug, title, Markdown.toHtml(summary), steps);
    }
}
