package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What the studio's import reads from an upload, before anything is stored. */
class ModuleArchiveTest {

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aZipOfTheShippedContentFolderReadsEveryModuleExactlyAsWrittenAndLeavesTheRestOut() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(Path.of("content").relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        ModuleArchive.Read read = ModuleArchive.read(List.of(new ModuleArchive.Upload("content.zip",
                zip(entries))));
        ContentFolder.Scan shipped = ContentFolder.scan(List.of(Path.of("content")));
        assertEquals(List.of(), read.problems());
        assertEquals(shipped.modules().size(), read.files().size(), "every module, and only modules");
        for (ContentFolder.LoadedModule m : shipped.modules()) {
            ModuleArchive.File file = read.files().stream().filter(f -> f.slug().equals(m.definition().slug()))
                    .findFirst().orElseThrow();
            assertEquals(m.source(), file.source(), file.name());
            assertEquals(m.definition(), ModuleParser.parse(file.name(), file.slug(), file.source()).definition()
                    .orElseThrow(), "the same module: " + file.name());
        }
        assertTrue(read.skipped().stream().map(ContentProblem::toString)
                .anyMatch(s -> s.contains("the-racing-heart.pt-BR.yaml") && s.contains("translation")),
                "translations are listed as left out: " + read.skipped());
        assertTrue(read.skipped().stream().map(ContentProblem::toString).anyMatch(s -> s.contains("instruments/")),
                read.skipped().toString());
    }

    @Test
    void whatCannotBeReadIsAProblemNamedByItsFile() throws IOException {
        byte[] latin1 = "slug: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] huge = new byte[(int) ContentFolder.MAX_FILE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        ModuleArchive.Read read = ModuleArchive.read(List.of(
                new ModuleArchive.Upload("pack.zip", zip(Map.of("modules/latin.yaml", latin1,
                        "modules/huge.yaml", huge))),
                new ModuleArchive.Upload("Bad Name.yaml", "x: 1".getBytes(StandardCharsets.UTF_8)),
                new ModuleArchive.Upload("notes.zip", "not a zip".getBytes(StandardCharsets.UTF_8))));
        List<String> problems = read.problems().stream().map(ContentProblem::toString).sorted().toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("pack.zip!modules/latin.yaml: ")
                && p.contains("not UTF-8")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("pack.zip!modules/huge.yaml: ")
                && p.contains("larger than")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Bad Name.yaml: ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("notes.zip: ")), problems.toString());
        assertEquals(List.of(), read.files());
    }
}
