package org.securebase.infrastructure.content;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.application.content.ContentLibrary;
import org.securebase.application.content.ContentSnapshot;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/**
 * Imports the {@code content/} folders at start-up, idempotently: a module is keyed by slug and versioned by the
 * SHA-256 of its file, in the shared library (schools' own libraries are the studio's). An unchanged file changes nothing; a changed one becomes a new current version; earlier
 * versions stay for the responses that answered them. A broken file is reported (file, line, problem) and its
 * last good version keeps being served. What loaded is published as one immutable {@link ContentSnapshot}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
// Readers take the read lock and get the immutable snapshot of the last import: no page waits for another.
@Lock(LockType.READ)
public class ContentImporter implements ContentLibrary {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DatabaseMigration migration;

    @Inject
    @ConfigProperty(name = "content.dir", defaultValue = "content")
    private String contentDir;

    @Inject
    private Clock clock;

    private volatile ContentSnapshot snapshot = ContentSnapshot.EMPTY;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    @Lock(LockType.WRITE)
    void importAtStartup() {
        if (!migration.isMigrated()) {
            LOG.severe("Content not imported: the database is not migrated");
            return;
        }
        try {
            importFolders(ContentFolder.folders(contentDir));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Content import failed: " + e.getMessage(), e);
        }
    }

    private void importFolders(List<Path> folders) {
        ContentFolder.Scan scan = ContentFolder.scan(folders);
        scan.problems().forEach(p -> LOG.warning("Content problem: " + p));
        Instant now = clock.instant();
        int created = importVersions(ContentVersion.MODULE, scan.modules().stream().map(m -> new Versioned(
                m.definition().slug(), m.definition().title(), m.file(), m.source(), m.hash())).toList(),
                scan.brokenSlugs(), now);
        created += importVersions(ContentVersion.INSTRUMENT, scan.instruments().stream().map(i -> new Versioned(
                i.definition().slug(), i.definition().title(), i.file(), i.source(), i.hash())).toList(),
                scan.brokenInstruments(), now);
        em.flush();
        int currentModules = em.createNamedQuery("ContentVersion.currentShared", ContentVersion.class)
                .setParameter("kind", ContentVersion.MODULE).getResultList().size();
        List<CurriculumDefinition> curricula = scan.curricula().stream()
                .sorted(Comparator.comparing(CurriculumDefinition::slug)).toList();
        List<InstrumentDefinition> instruments = scan.instruments().stream()
                .map(ContentFolder.LoadedInstrument::definition).toList();
        Map<String, Object> translations = new HashMap<>();
        scan.translations().forEach(t -> translations.put(ContentSnapshot.key(t.kind(), t.slug(), t.language()),
                t.definition()));
        snapshot = new ContentSnapshot(currentModules, instruments, curricula, scan.rubrics(), scan.problems().size(),
                translations);
        int newVersions = created;
        LOG.info(() -> "Content: " + currentModules + " module(s) available, " + newVersions + " new version(s), "
                + instruments.size() + " instrument(s), " + curricula.size() + " curriculum(s), "
                + scan.problems().size() + " problem(s), from " + contentDir);
    }

    /** A file to version: what the importer needs, whatever its kind. */
    private record Versioned(String slug, String title, String file, String source, String hash) {
    }

    /**
     * Makes each file's version current, creating a new version when its hash is new. Files of this kind that are
     * gone leave the current set (their versions stay); broken files keep their last good version.
     */
    private int importVersions(String kind, List<Versioned> files, List<String> broken, Instant now) {
        Set<String> present = new HashSet<>(broken);
        int created = 0;
        for (Versioned file : files) {
            present.add(file.slug());
            List<ContentVersion> versions = em.createNamedQuery("ContentVersion.bySlug", ContentVersion.class)
                    .setParameter("kind", kind).setParameter("library", ContentVersion.SHARED)
                    .setParameter("slug", file.slug()).getResultList();
            ContentVersion match = versions.stream().filter(v -> v.getContentHash().equals(file.hash()))
                    .findFirst().orElse(null);
            if (match == null) {
                int next = versions.isEmpty() ? 1 : versions.get(0).getVersionNumber() + 1;
                match = new ContentVersion(kind, file.slug(), next, file.hash(), file.title(), file.file(),
                        file.source(), now);
                em.persist(match);
                created++;
            }
            for (ContentVersion v : versions) {
                v.makeCurrent(v == match);
            }
            match.makeCurrent(true);
        }
        // Only the shared library: what schools wrote in the studio is not in these folders and stays as it is.
        for (ContentVersion v : em.createNamedQuery("ContentVersion.currentShared", ContentVersion.class)
                .setParameter("kind", kind).getResultList()) {
            if (!present.contains(v.getSlug())) {
                v.makeCurrent(false);
            }
        }
        return created;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ContentSnapshot snapshot() {
        return snapshot;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ModuleDefinition parseModule(ContentVersion version) {
        return ModuleParser.parse(version.getSourceFile(), null, version.getSource()).definition().orElseThrow(
                () -> new IllegalStateException("stored module version no longer parses: " + version.getSlug()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InstrumentDefinition parseInstrument(ContentVersion version) {
        return InstrumentParser.parse(version.getSourceFile(), null, version.getSource()).definition().orElseThrow(
                () -> new IllegalStateException("stored instrument version no longer parses: " + version.getSlug()));
    }
}
