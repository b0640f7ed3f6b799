package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.domain.instrument.InstrumentDefinition;

public class InstrumentAndCurriculumTest {

    public static final String INSTRUMENT = """
            slug: style
            title: Style
            kind: original
            instructions: |
              Rate each statement.
            caution: |
              A reflection aid.
            scale:
              min: 1
              max: 7
              anchors:
                1: Strongly disagree
                7: Strongly agree
            items:
              - id: a1
                text: I worry.
              - id: a2
                text: I relax.
                reverse: true
              - id: v1
                text: I keep my distance.
            reverseKeyed: [v1]
            subscales:
              - id: anxiety
                title: Anxiety
                items: [a1, a2]
                score: mean
              - id: avoidance
                title: Avoidance
                items: [v1]
                score: sum
                minAnswered: 1
            classification:
              x: anxiety
              y: avoidance
              midpoint: 4
              midpointIs: low
              types:
                low-low: Secure
                high-low: Preoccupied
                low-high: Dismissing
                high-high: Fearful
            """;

    private static List<ContentProblem> problems(String source) {
        return InstrumentParser.parse("i.yaml", null, source).problems();
    }

    private static void assertProblem(String source, int line, String fragment) {
        List<ContentProblem> found = problems(source);
        assertTrue(found.stream().anyMatch(p -> p.line() == line && p.message().contains(fragment)),
                () -> "expected line " + line + " '" + fragment + "' in " + found);
    }

    @Test
    void readsAnInstrumentWithReverseKeysSubscalesAndClassification() {
        InstrumentDefinition d = InstrumentParser.parse("style.yaml", "style", INSTRUMENT).definition().orElseThrow();
        assertEquals(3, d.items().size());
        assertTrue(d.item("a2").orElseThrow().reverse());
        assertTrue(d.item("v1").orElseThrow().reverse(), "reverseKeyed list applies too");
        assertEquals(1.0, d.subscales().get(1).minAnswered());
        assertEquals(0.8, d.subscales().get(0).minAnswered(), "default");
        assertEquals("Dismissing", d.classification().types().get("low-high"));
    }

    @Test
    void aReverseKeyOrSubscaleNamingAMissingItemIsReported() {
        assertProblem(INSTRUMENT.replace("reverseKeyed: [v1]", "reverseKeyed: [v9]"), 22,
                "reverse key names a missing item 'v9'");
        assertProblem(INSTRUMENT.replace("items: [a1, a2]", "items: [a1, a3]"), 26,
                "subscale 'anxiety' names a missing item 'a3'");
    }

    @Test
    void aClassificationMustNameSubscalesAndCarryACaution() {
        assertProblem(INSTRUMENT.replace("  y: avoidance", "  y: closeness"), 35, "missing subscale 'closeness'");
        assertProblem(INSTRUMENT.replace("caution: |\n  A reflection aid.\n", ""), 32, "needs a 'caution'");
        assertProblem(INSTRUMENT.replace("    high-high: Fearful\n", ""), 39, "types lacks 'high-high'");
    }

    @Test
    void anItemOutsideEverySubscaleAndBadScalesAreReported() {
        assertProblem(INSTRUMENT.replace("items: [v1]", "items: [a1]"), 24, "item 'v1' belongs to no subscale");
        assertProblem(INSTRUMENT.replace("  max: 7", "  max: 1"), 9, "must be below max");
        assertProblem(INSTRUMENT.replace("    7: Strongly agree", "    9: Strongly agree"), 13, "outside the scale");
    }

    @Test
    void aLicensedInstrumentMayOmitItemTextAnOriginalOneMayNot() {
        String noText = INSTRUMENT.replace("    text: I worry.\n", "");
        assertProblem(noText, 15, "missing required key 'text'");
        InstrumentDefinition licensed = InstrumentParser.parse("i.yaml", null, noText.replace("kind: original",
                "kind: licensed")).definition().orElseThrow();
        assertNull(licensed.item("a1").orElseThrow().text());
    }

    @TempDir
    Path dir;

    private void write(String folder, String slug, String source) throws IOException {
        Path file = dir.resolve(folder).resolve(slug + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    @Test
    void aCurriculumNamingAnUnknownModuleOrInstrumentIsReportedWithItsLine() throws IOException {
        write("modules", "sample", ModuleParserTest.VALID);
        write("instruments", "style", INSTRUMENT);
        write("curricula", "year", """
                slug: year
                title: Year 3
                summary: |
                  A block.
                steps:
                  - milestone: start
                    title: Before
                    instruments: [style, empathy]
                  - module: sample
                  - module: missing-module
                  - milestone: end
                    title: After
                    instruments: [style]
                    retrospective: true
                """);
        ContentFolder.Scan scan = ContentFolder.scan(List.of(dir));
        assertEquals(List.of("year"), scan.curricula().stream().map(c -> c.slug()).toList());
        assertEquals(2, scan.problems().size(), scan.problems()::toString);
        assertTrue(scan.problems().stream()
                .anyMatch(p -> p.line() == 8 && p.message().contains("unknown instrument 'empathy'")));
        assertTrue(scan.problems().stream()
                .anyMatch(p -> p.line() == 10 && p.message().contains("unknown module 'missing-module'")));
        assertTrue(scan.curricula().get(0).milestones().get(1).retrospective());
    }

    @Test
    void duplicateSlugsAndRepeatedModulesInACurriculumAreReported() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path p : List.of(a, b)) {
            Files.createDirectories(p.resolve("modules"));
            Files.createDirectories(p.resolve("instruments"));
            Files.writeString(p.resolve("instruments/style.yaml"), INSTRUMENT);
        }
        Files.writeString(a.resolve("modules/sample.yaml"), ModuleParserTest.VALID);
        ContentFolder.Scan scan = ContentFolder.scan(List.of(a, b));
        assertTrue(scan.problems().stream().anyMatch(p -> p.message().contains("slug 'style' is already used")));
        List<ContentProblem> twice = CurriculumParser.parse("c.yaml", null, """
                slug: c
                title: C
                summary: s
                steps:
                  - module: sample
                  - module: sample
                """).problems();
        assertEquals(6, twice.get(0).line());
        assertTrue(twice.get(0).message().contains("appears twice"));
    }
}
