package org.securebase.infrastructure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.securebase.domain.module.ModuleDefinition;

/** A translation beside its original: loaded when it has the original's structure, else each difference reported. */
class TranslationTest {

    @TempDir
    Path dir;

    static final String PORTUGUESE = ModuleParserTest.VALID.replace("title: \"A sample\"", "title: \"Um exemplo\"")
            .replace("She arrives early.", "Ela chega cedo.").replace("What is going on?", "O que está acontecendo?")
            .replace("She is testing you", "Ela está testando você")
            .replace("She needs a secure base", "Ela precisa de uma base segura")
            .replace("What is she seeking?", "O que ela busca?");

    private ContentFolder.Scan scan(String translation) throws IOException {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Files.writeString(modules.resolve("sample.yaml"), ModuleParserTest.VALID);
        if (translation != null) {
            Files.writeString(modules.resolve("sample.pt-BR.yaml"), translation);
        }
        return ContentFolder.scan(List.of(dir));
    }

    private static int lineOf(String source, String fragment, int occurrence) {
        String[] lines = source.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }

    @Test
    void aTranslationWithTheOriginalsStructureIsLoadedBesideIt() throws IOException {
        ContentFolder.Scan scan = scan(PORTUGUESE);
        assertEquals(List.of(), scan.problems());
        assertEquals(1, scan.modules().size(), "the translation is not a module of its own");
        assertEquals(1, scan.translations().size());
        ContentFolder.LoadedTranslation t = scan.translations().get(0);
        assertEquals("pt-BR", t.language());
        ModuleDefinition translated = (ModuleDefinition) t.definition();
        assertEquals("Um exemplo", translated.title());
        assertTrue(translated.sameShapeAs(scan.modules().get(0).definition()));
    }

    @Test
    void anotherCorrectAnswerIsReportedAtItsLine() throws IOException {
        String moved = PORTUGUESE.replaceFirst("(?m)^\\s*correct: true\\n(\\s*feedback: Yes\\.)", "$1")
                .replaceFirst("(?m)^(\\s*)- text: Ela está testando você$",
                        "$1- text: Ela está testando você\n$1  correct: true");
        ContentFolder.Scan scan = scan(moved);
        assertTrue(scan.translations().isEmpty(), "left out: the original is shown instead");
        assertTrue(scan.problems().stream().anyMatch(p -> p.file().endsWith("sample.pt-BR.yaml")
                && p.line() == lineOf(moved, "correct: true", 1) && p.message().contains("not in the original")),
                scan.problems()::toString);
    }

    @Test
    void aMissingStageIsReportedWithTheOriginalsLine() throws IOException {
        String shorter = PORTUGUESE.substring(0, PORTUGUESE.indexOf("  - title: Second consultation"))
                + PORTUGUESE.substring(PORTUGUESE.indexOf("prompts:"));
        ContentFolder.Scan scan = scan(shorter);
        assertTrue(scan.problems().stream().anyMatch(p -> p.message().contains("'stages' has 1 entries")
                && p.message().contains("sample.yaml:")), scan.problems()::toString);
    }

    @Test
    void aChangedMinimumLengthAndATranslationWithoutOriginalAreRefused() throws IOException {
        ContentFolder.Scan changed = scan(PORTUGUESE.replace("minLength: 100", "minLength: 50"));
        assertTrue(changed.problems().stream().anyMatch(p -> p.message().contains("'prompts[1].minLength' is 50")),
                changed.problems()::toString);
        Path other = Files.createDirectories(dir.resolve("other").resolve("modules"));
        Files.writeString(other.resolve("absent.pt-BR.yaml"), PORTUGUESE.replace("slug: sample", "slug: absent"));
        Files.writeString(other.resolve("sample.yaml"), ModuleParserTest.VALID);
        ContentFolder.Scan orphan = ContentFolder.scan(List.of(dir.resolve("other")));
        assertTrue(orphan.problems().stream().anyMatch(p -> p.message().contains("which is not here")),
                orphan.problems()::toString);
    }

    @Test
    void anInstrumentsTranslationKeepsItsItemsIdsAndReverseKeys() throws IOException {
        Path instruments = Files.createDirectories(dir.resolve("instruments"));
        Files.createDirectories(dir.resolve("modules"));
        Files.writeString(dir.resolve("modules").resolve("sample.yaml"), ModuleParserTest.VALID);
        String original = Files.readString(Path.of("content/instruments/relational-style.yaml"));
        Files.writeString(instruments.resolve("relational-style.yaml"), original);
        String kept = original.replace("I feel uneasy when a patient seems to prefer a colleague to me.",
                "Sinto desconforto quando um paciente parece preferir um colega a mim.");
        Files.writeString(instruments.resolve("relational-style.pt-BR.yaml"), kept);
        ContentFolder.Scan fine = ContentFolder.scan(List.of(dir));
        assertEquals(List.of(), fine.problems(), "item texts are prose");
        assertEquals(1, fine.translations().size());
        String flipped = kept.replaceFirst("(?m)^(\\s*)reverse: true$", "$1reverse: false");
        Files.writeString(instruments.resolve("relational-style.pt-BR.yaml"), flipped);
        ContentFolder.Scan refused = ContentFolder.scan(List.of(dir));
        assertTrue(refused.problems().stream().anyMatch(p -> p.message().contains("reverse' is false here")),
                refused.problems()::toString);
    }
}
