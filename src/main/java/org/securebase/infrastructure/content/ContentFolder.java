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

    /** brokenSlugs and brokenInstruments: files that failed to parse, named by file name, whose last good versions stay. */
    public record Scan(List<LoadedModule> modules, List<LoadedInstrument> instruments,
            List<CurriculumDefinition> curricula, List<RubricDefinition> rubrics, List<ContentProblem> problems,
            List<String> brokenSlugs, List<String> brokenInstruments) {
    }

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
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                problems.add(new ContentProblem(folder.toString(), 0, "content folder not found"));
                continue;
            }
            Path moduleDir = folder.resolve("modules");
            if (!Files.isDirectory(moduleDir)) {
                problems.add(new ContentProblem(moduleDir.toString(), 0, "no modules/ folder in this content folder"));
                continue;
            }
            for (Path path : list(moduleDir)) {
                String file = path.toString();
                String slug = path.getFileName().toString().replaceFirst("\\.yaml$", "");
                String source;
                try {
                    source = read(path);
                } catch (IOException e) {
                    problems.add(new ContentProblem(file, 0, e.getMessage()));
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
                    problems.add(new ContentProblem(file, 1, "slug '" + slug + "' is already used by " + earlier));
                    continue;
                }
                modules.add(new LoadedModule(result.definition().get(), file, source, sha256(source)));
            }
            for (Path path : list(folder.resolve("instruments"))) {
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
                readOther(path, problems, (file, slug, source) -> {
                    Parsed<RubricDefinition> result = RubricParser.parse(file, slug, source);
                    problems.addAll(result.problems());
                    result.definition().filter(d -> unique(d.slug(), file, rubricFiles, problems))
                            .ifPresent(rubrics::add);
                });
            }
            for (Path path : list(folder.resolve("curricula"))) {
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
                    problems.add(new ContentProblem(file, ref.line(), "names an unknown " + ref.kind() + " '"
                            + ref.slug() + "'"));
                }
            }
        });
        return new Scan(List.copyOf(modules), List.copyOf(instruments), List.copyOf(curricula), List.copyOf(rubrics),
                List.copyOf(problems), List.copyOf(broken), List.copyOf(brokenInstruments));
    }

    private interface FileReader {
        void read(String file, String slug, String source);
    }

    private static void readOther(Path path, List<ContentProblem> problems, FileReader reader) {
        try {
            reader.read(path.toString(), path.getFileName().toString().replaceFirst("\\.yaml$", ""), read(path));
        } catch (IOException e) {
            problems.add(new ContentProblem(path.toString(), 0, e.getMessage()));
        }
    }

    private static boolean unique(String slug, String file, Map<String, String> seen, List<ContentProblem> problems) {
        String earlier = seen.putIfAbsent(slug, file);
        if (earlier != null) {
            problems.add(new ContentProblem(file, 1, "slug '" + slug + "' is already used by " + earlier));
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

    private static String read(Path path) throws IOException {
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new IOException("file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("file is not UTF-8 text");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
