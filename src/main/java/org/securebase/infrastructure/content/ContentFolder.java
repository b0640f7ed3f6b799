package org.securebase.infrastructure.content;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.RubricDefinition;

/**
 * Reads every content file under one or more content folders: {@code <folder>/modules/*.yaml} (required),
 * {@code instruments/*.yaml}, {@code curricula/*.yaml} and {@code rubrics/*.yaml} (optional). Problems in one file never stop the others:
 * the result holds the valid files and every problem found, including slugs used twice and curricula naming a
 * module or instrument that does not exist.
 */
public final class ContentFolder {

    /** Larger files are refused before parsing: no module needs a megabyte. */
    static final long MAX_FILE_BYTES = 1_000_000;

    /** A valid module with the exact text it was read from and that text's SHA-256 hash. */
    public record LoadedModule(ModuleDefinition definition, String file, String source, String hash) {
    }

    /** A valid instrument with the exact text it was read from and that text's SHA-256 hash. */
    public record LoadedInstrument(InstrumentDefinition definition, String file, String source, String hash) {
    }

    /**
     * A translation that has its original's structure: {@code kind} is modules, instruments, curricula or rubrics;
     * {@code definition} is of that kind's definition type.
     */
    public record LoadedTranslation(String kind, String slug, String language, Object definition, String file) {
    }

    /** brokenSlugs and brokenInstruments: files that failed to parse, named by file name, whose last good versions stay. */
    public record Scan(List<LoadedModule> modules, List<LoadedInstrument> instruments,
            List<CurriculumDefinition> curricula, List<RubricDefinition> rubrics, List<ContentProblem> problems,
            List<String> brokenSlugs, List<String> brokenInstruments, List<LoadedTranslation> translations) {
    }

    /** A translation's file name: the original's slug, a language tag (pt-BR), .yaml. */
    static final java.util.regex.Pattern TRANSLATION = java.util.regex.Pattern
            .compile("([a-z0-9-]+)\\.([a-z]{2}(?:-[A-Z]{2})?)\\.yaml");

    private ContentFolder() {
    }

    public static Scan scan(List<Path> folders) {
        List<LoadedModule> modules = new ArrayList<>();
        List<LoadedInstrument> instruments = new ArrayList<>();
        List<String> brokenInstruments = new ArrayList<>();
        List<CurriculumDefinition> curricula = new ArrayList<>();
        List<RubricDefinition> rubrics = new ArrayList<>();
        Map<String, String> rubricFiles = new HashMap<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Map<String, String> fileBySlug = new HashMap<>();
        Map<String, String> instrumentFiles = new HashMap<>();
        Map<String, String> curriculumFiles = new HashMap<>();
        Map<String, List<CurriculumParser.Reference>> references = new LinkedHashMap<>();
        List<Path> translationFiles = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add(new ContentProblem(folder.toString(), 0, "folder.notFound"));
                continue;
            }
            Path moduleDir = folder.resolve("modules");
            if (!Files.isDirectory(moduleDir)) {
                problems.add(new ContentProblem(moduleDir.toString(), 0, "folder.noModules"));
                continue;
            }
            for (Path path : list(moduleDir)) {
                if (TRANSLATION.matcher(path.getFileName().toString()).matches()) {
                    translationFiles.add(path);
                    continue;
                }
                String file = path.toString();
                String slug = path.getFileName().toString().replaceFirst("\\.yaml$", "");
                String source;
                try {
                    source = read(path);
                } catch (IOException e) {
                    problems.add(unreadable(file, e));
                    broken.add(slug);
                    continue;
                }
                Parsed<ModuleDefinition> result = ModuleParser.parse(file, slug, source);
                problems.addAll(result.problems());
                if (result.definition().isEmpty()) {
                    broken.add(slug);
                    continue;
                }
                String earlier = fileBySlug.putIfAbsent(slug, file);
                if (earlier != null) {
                    problems.add(new ContentProblem(file, 1, "slug.taken", slug, earlier));
                    continue;
                }
                modules.add(new LoadedModule(result.definition().get(), file, source, sha256(source)));
            }
            for (Path path : list(folder.resolve("instruments"))) {
                if (TRANSLATION.matcher(path.getFileName().toString()).matches()) {
                    translationFiles.add(path);
                    continue;
                }
                readOther(path, problems, (file, slug, source) -> {
                    Parsed<InstrumentDefinition> result = InstrumentParser.parse(file, slug, source);
                    problems.addAll(result.problems());
                    if (result.definition().isEmpty()) {
                        brokenInstruments.add(slug);
                    }
                    result.definition().filter(d -> unique(d.slug(), file, instrumentFiles, problems))
                            .ifPresent(d -> instruments.add(new LoadedInstrument(d, file, source, sha256(source))));
                });
            }
            for (Path path : list(folder.resolve("rubrics"))) {
                if (TRANSLATION.matcher(path.getFileName().toString()).matches()) {
                    translationFiles.add(path);
                    continue;
                }
                readOther(path, problems, (file, slug, source) -> {
                    Parsed<RubricDefinition> result = RubricParser.parse(file, slug, source);
                    problems.addAll(result.problems());
                    result.definition().filter(d -> unique(d.slug(), file, rubricFiles, problems))
                            .ifPresent(rubrics::add);
                });
            }
            for (Path path : list(folder.resolve("curricula"))) {
                if (TRANSLATION.matcher(path.getFileName().toString()).matches()) {
                    translationFiles.add(path);
                    continue;
                }
                readOther(path, problems, (file, slug, source) -> {
                    CurriculumParser.Result result = CurriculumParser.parse(file, slug, source);
                    problems.addAll(result.problems());
                    result.definition().filter(d -> unique(d.slug(), file, curriculumFiles, problems))
                            .ifPresent(d -> {
                                curricula.add(d);
                                references.put(file, result.references());
                            });
                });
            }
        }
        // Cross-check: a curriculum may only name modules and instruments that exist somewhere in the content.
        Set<String> known = new HashSet<>(fileBySlug.keySet());
        known.addAll(broken);
        references.forEach((file, refs) -> {
            for (CurriculumParser.Reference ref : refs) {
                boolean exists = ref.kind().equals("module") ? known.contains(ref.slug())
                        : instrumentFiles.containsKey(ref.slug()) || brokenInstruments.contains(ref.slug());
                if (!exists) {
                    problems.add(new ContentProblem(file, ref.line(), "reference.unknown",
                            new ContentProblem.Term("term." + ref.kind()), ref.slug()));
                }
            }
        });
        List<LoadedTranslation> translations = new ArrayList<>();
        for (Path path : translationFiles) {
            translation(path, problems).ifPresent(translations::add);
        }
        return new Scan(List.copyOf(modules), List.copyOf(instruments), List.copyOf(curricula), List.copyOf(rubrics),
                List.copyOf(problems), List.copyOf(broken), List.copyOf(brokenInstruments), List.copyOf(translations));
    }

    /**
     * Reads a translation: parsed by its kind's parser and compared with its original, which must exist beside it.
     * Any problem leaves it out (the original is shown instead) and is reported with file and line.
     */
    private static java.util.Optional<LoadedTranslation> translation(Path path, List<ContentProblem> problems) {
        java.util.regex.Matcher name = TRANSLATION.matcher(path.getFileName().toString());
        name.matches();
        String slug = name.group(1);
        String language = name.group(2);
        String kind = path.getParent().getFileName().toString();
        String file = path.toString();
        Path originalPath = path.resolveSibling(slug + ".yaml");
        if (!Files.exists(originalPath)) {
            problems.add(new ContentProblem(file, 1, "translation.orphan", slug));
            return java.util.Optional.empty();
        }
        String source;
        String original;
        try {
            source = read(path);
            original = read(originalPath);
        } catch (IOException e) {
            problems.add(unreadable(file, e));
            return java.util.Optional.empty();
        }
        Parsed<?> parsed = switch (kind) {
            case "modules" -> ModuleParser.parse(file, slug, source);
            case "instruments" -> InstrumentParser.parse(file, slug, source);
            case "rubrics" -> RubricParser.parse(file, slug, source);
            default -> {
                CurriculumParser.Result r = CurriculumParser.parse(file, slug, source);
                yield Parsed.of(r.definition().orElse(null), r.problems());
            }
        };
        List<ContentProblem> found = new ArrayList<>(parsed.problems());
        found.addAll(TranslationCheck.compare(originalPath.toString(), original, file, source));
        problems.addAll(found);
        if (!found.isEmpty() || parsed.definition().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new LoadedTranslation(kind, slug, language, parsed.definition().get(), file));
    }

    private interface FileReader {
        void read(String file, String slug, String source);
    }

    private static void readOther(Path path, List<ContentProblem> problems, FileReader reader) {
        try {
            reader.read(path.toString(), path.getFileName().toString().replaceFirst("\\.yaml$", ""), read(path));
        } catch (IOException e) {
            problems.add(unreadable(path.toString(), e));
        }
    }

    private static boolean unique(String slug, String file, Map<String, String> seen, List<ContentProblem> problems) {
        String earlier = seen.putIfAbsent(slug, file);
        if (earlier != null) {
            problems.add(new ContentProblem(file, 1, "slug.taken", slug, earlier));
        }
        return earlier == null;
    }

    /** Parses the folder list the way CONTENT_DIR is written: paths separated by the platform separator. */
    public static List<Path> folders(String spec) {
        return Stream.of(spec.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a file could not be read as content, with a message key of {@code problems.properties}. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final transient Object[] args;

        Unreadable(String key, Object... args) {
            super(new ContentProblem("", 0, key, args).message());
            this.key = key;
            this.args = args;
        }
    }

    /** A problem for a file that could not be read: ours by key, the system's by its own message. */
    static ContentProblem unreadable(String file, IOException e) {
        return e instanceof Unreadable u ? new ContentProblem(file, 0, u.key, u.args)
                : new ContentProblem(file, 0, "file.unreadable", String.valueOf(e.getMessage()));
    }

    private static String read(Path path) throws IOException {
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new Unreadable("file.tooLarge", MAX_FILE_BYTES);
        }
        return text(Files.readAllBytes(path));
    }

    /** A file's bytes as UTF-8 text, or why not. */
    static String text(byte[] bytes) throws IOException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new Unreadable("file.tooLarge", MAX_FILE_BYTES);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("file.notUtf8");
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex: what a version is known by. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
