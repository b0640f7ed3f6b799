package org.securebase.infrastructure.content;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.infrastructure.persistence.DatabaseMigration;

/**
 * Imports the {@code content/} folders at start-up, idempotently: a module is keyed by slug and versioned by the
 * SHA-256 of its file. An unchanged file changes nothing; a changed one becomes a new current version; earlier
 * versions stay for the responses that answered them. A broken file is reported (file, line, problem) and its
 * last good version keeps being served.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
// Readers take the read lock and get the immutable lists of the last import: no page waits for another.
public class ContentImporter {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatabaseMigration migration;

    @Inject
    @ConfigProperty(name = "content.dir", defaultValue = "content")
    private String contentDir;

    @Inject
    private Clock clock;

    private volatile int currentModules;
    private volatile List<ContentProblem> problems = List.of();
    private volatile List<InstrumentDefinition> instruments = List.of();
    private volatile List<CurriculumDefinition> curricula = List.of();
    private volatile List<org.securebase.domain.review.RubricDefinition> rubrics = List.of();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
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

    private void importFolders(List<java.nio.file.Path> folders) {
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
        currentModules = em.createNamedQuery("ContentVersion.current", ContentVersion.class)
                .setParameter("kind", ContentVersion.MODULE).getResultList().size();
        problems = scan.problems();
        instruments = scan.instruments().stream().map(ContentFolder.LoadedInstrument::definition).toList();
        curricula = scan.curricula().stream().sorted(java.util.Comparator.comparing(CurriculumDefinition::slug))
                .toList();
        rubrics = scan.rubrics();
        int newVersions = created;
        LOG.info(() -> "Content: " + currentModules + " module(s) available, " + newVersions + " new version(s), "
                + instruments.size() + " instrument(s), " + curricula.size() + " curriculum(s), " + problems.size()
                + " problem(s), from " + contentDir);
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
                    .setParameter("kind", kind).setParameter("slug", file.slug()).getResultList();
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
        for (ContentVersion v : em.createNamedQuery("ContentVersion.current", ContentVersion.class)
                .setParameter("kind", kind).getResultList()) {
            if (!present.contains(v.getSlug())) {
                v.makeCurrent(false);
            }
        }
        return created;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public int currentModules() {
        return currentModules;
    }

    /** The instruments that loaded without problems. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public List<InstrumentDefinition> instruments() {
        return instruments;
    }

    /** The curricula that loaded without problems, by slug. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public List<CurriculumDefinition> curricula() {
        return curricula;
    }

    /** The review rubrics that loaded without problems. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public List<org.securebase.domain.review.RubricDefinition> rubrics() {
        return rubrics;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public List<ContentProblem> problems() {
        return problems;
    }
}
