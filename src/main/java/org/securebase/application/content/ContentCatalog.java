package org.securebase.application.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.domain.school.School;

/**
 * The only way pages and services find content: modules and instruments by slug (their current version) or by the
 * stored version a response answered, rubrics and curricula by slug, and the installation's defaults. Reads go to
 * the library's immutable snapshot or to one named query, never through a lock; parsed versions are cached by
 * content hash (a stored version never changes, so an entry never goes stale).
 */
@ApplicationScoped
public class ContentCatalog {

    @Inject
    private ContentLibrary library;

    @PersistenceContext
    private EntityManager em;

    /** Optional: an empty default would count as "missing" to MicroProfile Config and fail deployment. */
    @Inject
    @ConfigProperty(name = "curriculum")
    private Optional<String> configuredCurriculum;

    @Inject
    @ConfigProperty(name = "rubric")
    private Optional<String> configuredRubric;

    private final Map<String, ModuleDefinition> modules = new ConcurrentHashMap<>();
    private final Map<String, InstrumentDefinition> instruments = new ConcurrentHashMap<>();

    /** Counts of what the last import loaded, for the health check. */
    public ContentSnapshot snapshot() {
        return library.snapshot();
    }

    /**
     * The current versions of every module a school's people may take, by title: the shared library's and the
     * school's own (none of another school's). No school (the operator) sees the shared library only.
     */
    public List<ContentVersion> currentModules(School school) {
        return current(ContentVersion.MODULE, school);
    }

    /** The current versions of every instrument, by title (instruments are in the shared library only, so far). */
    public List<ContentVersion> currentInstruments() {
        return em.createNamedQuery("ContentVersion.currentShared", ContentVersion.class)
                .setParameter("kind", ContentVersion.INSTRUMENT).getResultList();
    }

    /** The current versions of the shared library's modules, by title. */
    public List<ContentVersion> sharedModules() {
        return em.createNamedQuery("ContentVersion.currentShared", ContentVersion.class)
                .setParameter("kind", ContentVersion.MODULE).getResultList();
    }

    private List<ContentVersion> current(String kind, School school) {
        return em.createNamedQuery("ContentVersion.currentFor", ContentVersion.class).setParameter("kind", kind)
                .setParameter("school", school).getResultList();
    }

    /** The current version of a module the school may see (its own first), if there is one. */
    public Optional<ContentVersion> findCurrentModule(String slug, School school) {
        return current(ContentVersion.MODULE, slug, school);
    }

    /** The current version of a module the school may see, or not found (another school's module is not found). */
    public ContentVersion currentModule(String slug, School school) {
        return findCurrentModule(slug, school).orElseThrow(() -> new NotFoundException("no module " + slug));
    }

    /** The current version of an instrument the school may use (its own first), or not found. */
    public ContentVersion currentInstrument(String slug, School school) {
        return current(ContentVersion.INSTRUMENT, slug, school)
                .orElseThrow(() -> new NotFoundException("no instrument " + slug));
    }

    /** The current versions of every instrument the school may use: the shared library's and its own. */
    public List<ContentVersion> instrumentsFor(School school) {
        return current(ContentVersion.INSTRUMENT, school);
    }

    /** The current versions of the school's own instruments (published in its studio), by title. */
    public List<ContentVersion> ownInstruments(School school) {
        return current(ContentVersion.INSTRUMENT, school).stream().filter(v -> !v.isShared()).toList();
    }

    /** The definition of an instrument the school may use: its own version's, else the shared library's. */
    public InstrumentDefinition instrument(String slug, School school) {
        // A school's instrument never takes a shared one's slug (the studio refuses it), so a shared definition
        // found in the snapshot is the one; only a school's own needs the database.
        Optional<InstrumentDefinition> shared = instruments().stream().filter(i -> i.slug().equals(slug)).findFirst();
        if (shared.isPresent() || school == null) {
            return shared.orElseThrow(() -> new NotFoundException("no instrument " + slug));
        }
        return instrument(currentInstrument(slug, school));
    }

    /** The current version of a shared instrument, or not found. */
    public ContentVersion currentInstrument(String slug) {
        return current(ContentVersion.INSTRUMENT, slug, null)
                .orElseThrow(() -> new NotFoundException("no instrument " + slug));
    }

    private Optional<ContentVersion> current(String kind, String slug, School school) {
        // Ordered by library, descending: a school's own ("school-...") before the shared one.
        return em.createNamedQuery("ContentVersion.currentBySlugFor", ContentVersion.class)
                .setParameter("kind", kind).setParameter("slug", slug).setParameter("school", school)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** A stored version by id (what a response points at). */
    public ContentVersion version(long id) {
        ContentVersion version = em.find(ContentVersion.class, id);
        if (version == null) {
            throw new NotFoundException("no content version " + id);
        }
        return version;
    }

    /** The module exactly as this version was written. */
    public ModuleDefinition module(ContentVersion version) {
        return modules.computeIfAbsent(key(version), k -> library.parseModule(version));
    }

    /** The instrument exactly as this version was written. */
    public InstrumentDefinition instrument(ContentVersion version) {
        return instruments.computeIfAbsent(key(version), k -> library.parseInstrument(version));
    }

    private static String key(ContentVersion version) {
        return version.getKind() + ":" + version.getSlug() + "@" + version.getContentHash();
    }

    /** A module's translation applies to the shared library's module of that slug only. */
    public Optional<ModuleDefinition> moduleTranslation(ContentVersion version, Locale locale) {
        return version.isShared() ? moduleTranslation(version.getSlug(), locale) : Optional.empty();
    }

    /**
     * The module in the reader's language: its translation when there is one with the same shape (the same stages,
     * options and prompts: a translation made for another version is not used), else as written.
     */
    public ModuleDefinition inLanguage(ModuleDefinition module, Locale locale) {
        return translation("modules", module.slug(), locale, ModuleDefinition.class)
                .filter(t -> t.sameShapeAs(module)).orElse(module);
    }

    /** The instrument in the reader's language, when a translation has the same items; else as written. */
    public InstrumentDefinition inLanguage(InstrumentDefinition instrument, Locale locale) {
        return translation("instruments", instrument.slug(), locale, InstrumentDefinition.class)
                .filter(t -> t.items().stream().map(InstrumentDefinition.Item::id).toList()
                        .equals(instrument.items().stream().map(InstrumentDefinition.Item::id).toList()))
                .orElse(instrument);
    }

    /**
     * The curriculum in the reader's language, when a translation has the same steps as the file it translates:
     * its title, summary and milestone titles, by milestone id. A cohort plan's additions (instruments, milestones of
     * its own) stay as the plan has them.
     */
    public CurriculumDefinition inLanguage(CurriculumDefinition curriculum, Locale locale) {
        Optional<CurriculumDefinition> translated = translation("curricula", curriculum.slug(), locale,
                CurriculumDefinition.class).filter(
                        t -> findCurriculum(curriculum.slug())
                                .filter(original -> original.steps().size() == t.steps().size()).isPresent());
        if (translated.isEmpty()) {
            return curriculum;
        }
        Map<String, String> titles = translated.get().milestones().stream()
                .collect(Collectors.toMap(CurriculumDefinition.Milestone::id, CurriculumDefinition.Milestone::title,
                        (a, b) -> a));
        List<CurriculumDefinition.Step> steps = curriculum.steps().stream()
                .map(s -> s instanceof CurriculumDefinition.Milestone m && titles.containsKey(m.id())
                        ? (CurriculumDefinition.Step) new CurriculumDefinition.Milestone(m.id(), titles.get(m.id()),
                                m.instruments(), m.retrospective())
                        : s)
                .toList();
        return new CurriculumDefinition(curriculum.slug(), translated.get().title(), translated.get().summaryHtml(),
                steps);
    }

    /** The rubric in the reader's language, when a translation has the same levels; else as written. */
    public RubricDefinition inLanguage(RubricDefinition rubric, Locale locale) {
        return translation("rubrics", rubric.slug(), locale, RubricDefinition.class)
                .filter(t -> t.levels().size() == rubric.levels().size()).orElse(rubric);
    }

    /** A module's translation by slug, for lists that show its title and summary (no database read). */
    public Optional<ModuleDefinition> moduleTranslation(String slug, Locale locale) {
        return translation("modules", slug, locale, ModuleDefinition.class);
    }

    private <T> Optional<T> translation(String kind, String slug, Locale locale, Class<T> type) {
        if (locale == null) {
            return Optional.empty();
        }
        Map<String, Object> translations = library.snapshot().translations();
        Object found = translations.get(ContentSnapshot.key(kind, slug, locale.toLanguageTag()));
        if (found == null) {
            found = translations.get(ContentSnapshot.key(kind, slug, locale.getLanguage()));
        }
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }

    /** The instruments that loaded without problems. */
    public List<InstrumentDefinition> instruments() {
        return library.snapshot().instruments();
    }

    /** The current definition of an instrument, or not found. */
    public InstrumentDefinition instrument(String slug) {
        return instruments().stream().filter(i -> i.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("no instrument " + slug));
    }

    /** The curricula that loaded without problems, by slug. */
    public List<CurriculumDefinition> curricula() {
        return library.snapshot().curricula();
    }

    public Optional<CurriculumDefinition> findCurriculum(String slug) {
        return curricula().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    /** The curriculum by slug, or not found. */
    public CurriculumDefinition curriculum(String slug) {
        return findCurriculum(slug).orElseThrow(() -> new NotFoundException("no curriculum " + slug));
    }

    /** The installation's curriculum: the one named by CURRICULUM, else the first by slug. */
    public Optional<CurriculumDefinition> defaultCurriculum() {
        List<CurriculumDefinition> curricula = curricula();
        return curricula.stream().filter(c -> configuredCurriculum.map(c.slug()::equals).orElse(false)).findFirst()
                .or(() -> curricula.stream().findFirst());
    }

    /** The review rubrics that loaded without problems. */
    public List<RubricDefinition> rubrics() {
        return library.snapshot().rubrics();
    }

    public Optional<RubricDefinition> findRubric(String slug) {
        return rubrics().stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    /** The rubric by slug; a review whose rubric has gone is shown on the default one. */
    public RubricDefinition rubric(String slug) {
        return findRubric(slug).orElseGet(this::defaultRubric);
    }

    /** The rubric named by RUBRIC, else the first: reviews keep the rubric they were started with. */
    public RubricDefinition defaultRubric() {
        List<RubricDefinition> rubrics = rubrics();
        return rubrics.stream().filter(r -> configuredRubric.map(r.slug()::equals).orElse(false)).findFirst()
                .or(() -> rubrics.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("no rubric in content/rubrics"));
    }
}
