package org.securebase.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test is the one the build produced, unchanged: tests exercise what a school installs. A run (one
 * {@link SuiteDeployment} for all test classes) starts on a fresh H2 database; on PostgreSQL the test script provides
 * a fresh cluster per run.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive war() {
        String url = System.getProperty("it.db.url", "");
        if (url.startsWith("jdbc:h2:file:")) {
            deleteFolder(Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).getParent());
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    private static void deleteFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
