package org.securebase.web.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.infrastructure.content.ModuleForm;

/** The path map shows the routes the application will take, and what no route reaches. */
class PathMapTest {

    private static ModuleForm form(String file) throws IOException {
        return ModuleForm.read(Files.readString(Path.of("content/modules", file))).form();
    }

    @Test
    void aFixedSequenceIsOneRowOfBoxesWithAnArrowBetweenEach() throws IOException {
        PathMap map = PathMap.of(form("the-racing-heart.yaml"));
        assertEquals(4, map.getBoxes().size());
        assertEquals(List.of(0, 1, 2, 3), map.getBoxes().stream().map(b -> (b.x() - PathMap.PAD)
                / (PathMap.BOX_W + PathMap.GAP_X)).toList(), "one column per stage");
        assertEquals(3, map.getArrows().size());
        assertTrue(map.getArrows().stream().allMatch(a -> a.letters().equals("A, B, C, D")), map.getArrows()
                .toString());
        assertEquals("the case ends", map.getRoutes().get(map.getRoutes().size() - 1).to() == null ? "the case ends"
                : "goes on");
    }

    @Test
    void branchesAreLabelledByTheirOptionsAndAStageNoRouteReachesIsFlagged() throws IOException {
        String file = Files.list(Path.of("content/modules")).map(p -> p.getFileName().toString())
                .filter(n -> n.equals("the-empty-cubicle.yaml")).findFirst().orElseThrow();
        ModuleForm f = form(file);
        PathMap before = PathMap.of(f);
        assertTrue(before.getBoxes().stream().allMatch(PathMap.Box::reached), "every shipped stage is reachable");
        boolean branches = before.getArrows().stream().anyMatch(a -> !a.letters().isEmpty()
                && a.letters().length() < "A, B, C, D".length());
        assertTrue(branches, "the empty cubicle branches: " + before.getArrows());
        ModuleForm.StageForm lonely = f.addStage(f.getStages().size());
        lonely.setTitle("Nobody comes here");
        f.getStages().get(f.getStages().size() - 2).setEnding(true);
        f.getStages().get(0).getOptions().get(0).setNext("missing-stage");
        PathMap after = PathMap.of(f);
        assertFalse(after.getBoxes().get(after.getBoxes().size() - 1).reached());
        assertTrue(after.getRoutes().stream().anyMatch(r -> "missing-stage".equals(r.missing()) && r.from() == 1));
        String svg = after.svg("Path <map>");
        assertTrue(svg.contains("aria-label=\"Path &lt;map&gt;\"") && svg.contains("stroke-dasharray"), svg);
    }
}
