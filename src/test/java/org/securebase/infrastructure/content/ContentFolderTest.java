package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFolderTest {

    @TempDir
    Path dir;

    private Path module(Path folder, String slug, String source) throws IOException {
        Path file = folder.resolve("modules").resolve(slug + ".yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static String valid(String slug) {
        return ModuleParserTest.VALID.replace("slug: sample", "slug: " + slug);
    }

    @Test
    void oneBrokenFileDoesNotStopTheOthers() throws IOException {
        module(dir, "good", valid("good"));
        module(dir, "bad", valid("bad").replace("patterns: [hyperactivating, disorganised]", "patterns: [nope]"));
        ContentFolder.Scan scan = ContentFolder.scan(List.of(dir));
        assertEquals(List.of("good"), scan.modules().stream().map(m -> m.definition().slug()).toList());
        assertEquals(1, scan.problems().size());
        assertTrue(scan.problems().get(0).file().endsWith("bad.yaml"));
        assertEquals(List.of("bad"), scan.brokenSlugs());
    }

    @Test
    void aSlugUsedInTwoFoldersIsReported() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        module(a, "twin", valid("twin"));
        module(b, "twin", valid("twin"));
        ContentFolder.Scan scan = ContentFolder.scan(List.of(a, b));
        assertEquals(1, scan.modules().size());
        assertTrue(scan.problems().get(0).message().contains("already used by"), scan.problems()::toString);
    }

    @Test
    void theHashIsTheVersion() throws IOException {
        module(dir, "good", valid("good"));
        String first = ContentFolder.scan(List.of(dir)).modules().get(0).hash();
        assertEquals(first, ContentFolder.scan(List.of(dir)).modules().get(0).hash(), "unchanged file, same version");
        module(dir, "good", valid("good").replace("She phones twice.", "She phones three times."));
        assertNotEquals(first, ContentFolder.scan(List.of(dir)).modules().get(0).hash());
    }

    @Test
    void nonUtf8AndMissingFoldersAreReportedNotThrown() throws IOException {
        Path file = dir.resolve("modules").resolve("latin.yaml");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        ContentFolder.Scan scan = ContentFolder.scan(List.of(dir, dir.resolve("missing")));
        assertEquals(2, scan.problems().size(), scan.problems()::toString);
        assertTrue(scan.problems().get(0).message().contains("not UTF-8"));
        assertTrue(scan.problems().get(1).message().contains("not found"));
    }

    @Test
    void theValidatorPrintsOneLinePerModuleAndFailsOnAnyProblem() throws IOException {
        module(dir, "good", valid("good"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ValidateContent.run(List.of(dir), new PrintStream(out), new PrintStream(err));
        assertEquals(0, status);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("good") && printed.contains("consultations=2") && printed.contains("prompts=1"),
                printed);
        assertTrue(printed.contains("good: 1 path, 2 stages"), printed);
        module(dir, "bad", "slug: bad\ntitle: [");
        err.reset();
        assertEquals(1, ValidateContent.run(List.of(dir), new PrintStream(out), new PrintStream(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.yaml:2: not valid YAML"), err::toString);
    }
}
