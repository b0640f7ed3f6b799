package org.securebase.infrastructure.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.securebase.domain.module.ModuleDefinition;

/**
 * Reads every module file under one or more content folders ({@code <folder>/modules/*.yaml}). Problems in one
 * file never stop the others: the result holds the valid modules and every problem found, including slugs
 * used by two files.
 */
public final class ContentFolder {

    /** Larger files are refused before parsing: no module needs a megabyte. */
    static final long MAX_FILE_BYTES = 1_000_000;

    /** A valid module with the exact text it was read from and that text's SHA-256 hash. */
    public record LoadedModule(ModuleDefinition definition, String file, String source, String hash) {
    }

    public record Scan(List<LoadedModule> modules, List<ContentProblem> problems, List<String> brokenSlugs) {
    }

    private ContentFolder() {
    }

    public static Scan scan(List<Path> folders) {
        List<LoadedModule> modules = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Map<String, String> fileBySlug = new HashMap<>();
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
                ModuleParser.Result result = ModuleParser.parse(file, slug, source);
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
        }
        return new Scan(List.copyOf(modules), List.copyOf(problems), List.copyOf(broken));
    }

    /** Parses the folder list the way CONTENT_DIR is written: paths separated by the platform separator. */
    public static List<Path> folders(String spec) {
        return Stream.of(spec.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static List<Path> list(Path dir) {
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
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
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
