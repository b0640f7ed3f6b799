package org.securebase.application.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.infrastructure.content.ModuleParser;
import org.securebase.infrastructure.content.Parsed;

class StudioServiceTest {

    @Test
    void aNewModuleStartsFromAFileThatValidatesWithItsSlugAndTitle() {
        String source = StudioService.skeleton("night-calls", "Night calls: \"is it my heart?\"");
        Parsed<ModuleDefinition> parsed = ModuleParser.parse("night-calls.yaml", "night-calls", source);
        assertEquals(List.of(), parsed.problems());
        assertEquals("Night calls: \"is it my heart?\"", parsed.definition().orElseThrow().title());
        assertEquals("night-calls", parsed.definition().orElseThrow().slug());
    }

    @Test
    void aTitleCannotBreakOutOfItsLine() {
        String source = StudioService.skeleton("x-y", "A\nslug: other\\");
        Parsed<ModuleDefinition> parsed = ModuleParser.parse("x-y.yaml", "x-y", source);
        assertEquals(List.of(), parsed.problems());
        assertEquals("A slug: other\\", parsed.definition().orElseThrow().title());
    }

    @Test
    void theDiffShowsRemovedAndAddedLinesWithTheirNumbersAndKeepsTheRest() {
        List<StudioService.DiffLine> diff = StudioService.diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assertEquals("same:a removed:b added:B same:c same:d added:e", String.join(" ", diff.stream()
                .map(l -> l.change() + ":" + l.text()).toList()));
        StudioService.DiffLine removed = diff.get(1);
        assertEquals(2, removed.oldLine());
        StudioService.DiffLine added = diff.get(2);
        assertEquals(2, added.newLine());
        assertEquals(5, diff.get(5).newLine());
        assertTrue(StudioService.diff("same\n", "same\n").stream().allMatch(l -> l.change().equals("same")));
    }
}
