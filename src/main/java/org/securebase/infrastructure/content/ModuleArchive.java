package org.securebase.infrastructure.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads what an author uploads to the studio: module files ({@code slug.yaml}) and zips of content folders (their
 * {@code modules/slug.yaml} entries). Reading never trusts the upload: entry names, counts and sizes are bounded, and
 * every file that cannot be read is a problem named by its file. Translations and other kinds of content are listed
 * as skipped: a school's library holds modules.
 */
public final class ModuleArchive {

    /** At most this many entries in one zip. */
    static final int MAX_ENTRIES = 500;
    /** At most this many bytes unpacked from one zip, in all. */
    static final long MAX_UNPACKED = 20_000_000;

    private static final Pattern MODULE = Pattern.compile("(?:.*/)?([a-z0-9]+(?:-[a-z0-9]+)*)\\.yaml");

    /** A file given to import: its name (a module's .yaml, or a .zip of a content folder) and its bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    /** A module file found: the name the author knows it by, the slug its name implies, its text. */
    public record File(String name, String slug, String source) {
    }

    /** What was found: module files, problems by file, and what was left out (with why). */
    public record Read(List<File> files, List<ContentProblem> problems, List<ContentProblem> skipped) {
    }

    private ModuleArchive() {
    }

    public static Read read(List<Upload> uploads) {
        List<File> files = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<ContentProblem> skipped = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = upload.name() == null ? "(unnamed)" : upload.name();
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                zip(name, upload.bytes(), files, problems, skipped);
            } else {
                file(name, baseName(name), upload.bytes(), files, problems, skipped);
            }
        }
        return new Read(List.copyOf(files), List.copyOf(problems), List.copyOf(skipped));
    }

    private static void zip(String zipName, byte[] bytes, List<File> files, List<ContentProblem> problems,
            List<ContentProblem> skipped) {
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > MAX_ENTRIES) {
                    problems.add(new ContentProblem(zipName, 0, "zip.tooManyFiles", MAX_ENTRIES));
                    return;
                }
                String path = zipName + "!" + entry.getName();
                byte[] content = readBounded(zip, ContentFolder.MAX_FILE_BYTES + 1);
                unpacked += content.length;
                if (unpacked > MAX_UNPACKED) {
                    problems.add(new ContentProblem(zipName, 0, "zip.tooLarge", MAX_UNPACKED));
                    return;
                }
                String entryName = entry.getName();
                if (!entryName.endsWith(".yaml")) {
                    skipped.add(new ContentProblem(path, 0, "skip.notContent"));
                } else if (!entryName.startsWith("modules/") && !entryName.contains("/modules/")) {
                    skipped.add(new ContentProblem(path, 0, "skip.notModule"));
                } else {
                    file(path, baseName(entryName), content, files, problems, skipped);
                }
            }
            if (entries == 0) {
                problems.add(new ContentProblem(zipName, 0, "zip.empty"));
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(zipName, 0, "zip.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private static void file(String name, String fileName, byte[] bytes, List<File> files,
            List<ContentProblem> problems, List<ContentProblem> skipped) {
        if (ContentFolder.TRANSLATION.matcher(fileName).matches()) {
            skipped.add(new ContentProblem(name, 0, "skip.translation"));
            return;
        }
        Matcher m = MODULE.matcher(fileName);
        if (!m.matches()) {
            problems.add(new ContentProblem(name, 0, "zip.fileName"));
            return;
        }
        try {
            files.add(new File(name, m.group(1), ContentFolder.text(bytes)));
        } catch (IOException e) {
            problems.add(ContentFolder.unreadable(name, e));
        }
    }

    private static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static byte[] readBounded(ZipInputStream zip, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = zip.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                // Larger than any content file may be: stop reading; the size check reports it.
                break;
            }
        }
        return out.toByteArray();
    }
}
