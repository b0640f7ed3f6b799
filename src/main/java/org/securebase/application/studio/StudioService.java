package org.securebase.application.studio;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.securebase.application.ReplayView;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.DraftConflict;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.module.ModuleDraft;
import org.securebase.domain.module.StudioEvent;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.infrastructure.content.ModuleArchive;
import org.securebase.infrastructure.content.ModuleParser;
import org.securebase.infrastructure.content.Parsed;
import org.securebase.infrastructure.content.QuestionCues;

/**
 * A school's studio: its authors write modules as drafts (the module file's text), check them with the same parser
 * and validator as {@code scripts/validate-content}, publish them as new versions of the school's library, and
 * unpublish, compare, export and import them. Everything is scoped to the author's school: another school's draft or
 * module is not found. Every publish, unpublish, import and adaptation is written to the studio's trail.
 */
@Stateless
public class StudioService {

    /** What a slug may be: the content format's rule. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private StudioStore store;

    /** One module in a library, as the studio lists it. */
    public record LibraryRow(String slug, String title, boolean shared, Integer version, boolean published,
            boolean draft, String origin, Instant changedAt) {
    }

    /** The two libraries the author's school can use: the shared one (read-only) and its own. */
    public record Library(List<LibraryRow> shared, List<LibraryRow> own) {
    }

    /** The outcome of checking a module's text: errors block publishing; cues are warnings. */
    public record Check(List<ContentProblem> problems, List<QuestionCues.Cue> cues) {

        public boolean publishable() {
            return problems.isEmpty();
        }
    }

    /** A draft as the editor shows it. */
    public record Draft(String slug, String source, long revision, String origin, String savedBy, Instant savedAt,
            Check check) {
    }

    /** A published version in a module's history. */
    public record VersionRow(int number, String title, boolean current, String publishedBy, Instant publishedAt,
            String origin) {
    }

    /** One line of a difference between two versions: ' ' unchanged, '-' removed, '+' added. */
    public record DiffLine(char kind, int oldLine, int newLine, String text) {

        /** "added", "removed" or "same": the line's class, and its bundle key's last part. */
        public String change() {
            return kind == '+' ? "added" : kind == '-' ? "removed" : "same";
        }
    }

    /** The outcome of an import: the drafts made, or (then nothing was imported) every problem found. */
    public record Imported(List<String> slugs, List<ContentProblem> problems, List<ContentProblem> skipped) {
    }

    /** Refused because the author's text still has problems: each with its line. */
    public static class PublishRefused extends BusinessException {
        private static final long serialVersionUID = 1L;
        private final transient List<ContentProblem> problems;

        PublishRefused(List<ContentProblem> problems) {
            super("studio.publish.refused", problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<ContentProblem> problems() {
            return problems;
        }
    }

    /** Refused because the slug is taken or malformed, with what to do instead. */
    public static class SlugRefused extends BusinessException {
        private static final long serialVersionUID = 1L;

        public enum Reason {
            MALFORMED, SHARED, TAKEN
        }

        private final Reason reason;

        SlugRefused(Reason reason, String slug) {
            super("studio.slug." + reason.name().toLowerCase(java.util.Locale.ROOT), reason + ": " + slug);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The studio's guard: the author right (or the administrator's role), of a school. */
    public static School requireAuthor(Account author) {
        if (author == null || !author.mayAuthor()) {
            throw new NotFoundException("studio for " + (author == null ? "nobody" : author.getRole()));
        }
        return author.getSchool();
    }

    /** The school's tutors, with whether each holds the author right, by name; for its administrator. */
    public List<Account> tutors(Account admin) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("authors for " + admin.getRole());
        }
        return em.createQuery("select a from Account a where a.school = :school and a.role = :role and "
                + "a.enabled = true order by a.displayName, a.id", Account.class)
                .setParameter("school", admin.getSchool()).setParameter("role", Role.TUTOR).setMaxResults(1000)
                .getResultList();
    }

    /** Grants or withdraws a tutor's author right; a tutor of another school is not found. */
    public void grantAuthor(Account admin, long tutorId, boolean granted) {
        if (!admin.administersASchool()) {
            throw new NotFoundException("authors for " + admin.getRole());
        }
        Account tutor = em.find(Account.class, tutorId);
        if (tutor == null || tutor.getRole() != Role.TUTOR || !admin.getSchool().equals(tutor.getSchool())) {
            throw new NotFoundException("tutor " + tutorId);
        }
        tutor.grantAuthor(granted);
    }

    /** Both libraries as the author's school sees them: the shared modules, and its own versions and drafts. */
    public Library library(Account author) {
        School school = requireAuthor(author);
        List<LibraryRow> shared = catalog.sharedModules().stream().map(v -> new LibraryRow(v.getSlug(),
                v.getTitle(), true, v.getVersionNumber(), true, false, null, v.getImportedAt())).toList();
        Map<String, LibraryRow> own = new LinkedHashMap<>();
        List<ContentVersion> versions = store.allVersions(school, ContentVersion.MODULE);
        Set<String> anyCurrent = new HashSet<>();
        versions.stream().filter(ContentVersion::isCurrent).forEach(v -> anyCurrent.add(v.getSlug()));
        for (ContentVersion v : versions) {
            own.putIfAbsent(v.getSlug(), new LibraryRow(v.getSlug(), v.getTitle(), false, v.getVersionNumber(),
                    anyCurrent.contains(v.getSlug()), false, v.getOrigin(), v.getImportedAt()));
        }
        for (ModuleDraft d : store.drafts(school, ContentVersion.MODULE)) {
            LibraryRow row = own.get(d.getSlug());
            own.put(d.getSlug(), new LibraryRow(d.getSlug(),
                    row != null ? row.title() : StudioStore.titleOf(d.getSource(),
                            d.getSlug()),
                    false, row == null ? null : row.version(), row != null && row.published(), true,
                    d.getOrigin() != null ? d.getOrigin() : row == null ? null : row.origin(), d.getUpdatedAt()));
        }
        return new Library(shared, List.copyOf(own.values()));
    }

    /** Starts a new module from the studio's skeleton. */
    public Draft create(Account author, String slug, String title) {
        School school = requireAuthor(author);
        requireFreeSlug(school, slug);
        String source = skeleton(slug, title);
        ModuleDraft draft = store.newDraft(ContentVersion.MODULE, school, author, slug, source, null);
        event(school, author, StudioEvent.Action.CREATE, slug, null, null);
        store.flush();
        return view(draft);
    }

    /** Copies a shared module into the school's library under a new slug, noting where it came from. */
    public Draft adapt(Account author, String sharedSlug, String slug) {
        School school = requireAuthor(author);
        ContentVersion original = catalog.sharedModules().stream().filter(v -> v.getSlug().equals(sharedSlug))
                .findFirst().orElseThrow(() -> new NotFoundException("shared module " + sharedSlug));
        requireFreeSlug(school, slug);
        String source = StudioStore.withSlug(original.getSource(), slug);
        String origin = "shared:" + sharedSlug + " v" + original.getVersionNumber();
        ModuleDraft draft = store.newDraft(ContentVersion.MODULE, school, author, slug, source, origin);
        event(school, author, StudioEvent.Action.ADAPT, slug, null, origin);
        store.flush();
        return view(draft);
    }

    /** The module's draft; a published module without one gets a draft of its newest version to edit. */
    public Draft open(Account author, String slug) {
        School school = requireAuthor(author);
        return view(store.openDraft(ContentVersion.MODULE, school, author, slug)
                .orElseThrow(() -> new NotFoundException("module " + slug)));
    }

    /** Checks a text as the module file {@code slug}.yaml: the validator's problems and the questions' cues. */
    public Check check(String slug, String source) {
        Parsed<ModuleDefinition> parsed = ModuleParser.parse(slug + ".yaml", slug, source);
        return new Check(parsed.problems(), parsed.definition().map(QuestionCues::of).orElse(List.of()));
    }

    /**
     * Keeps the author's text if it was written on the stored revision, else refuses (nothing changes).
     *
     * @throws DraftConflict when someone saved since
     */
    public Draft save(Account author, String slug, String source, long revision) {
        School school = requireAuthor(author);
        ModuleDraft draft = draft(school, slug).orElseThrow(() -> new NotFoundException("draft " + slug));
        // Two saves racing on the same revision: the database's version check refuses the second (the API answers
        // "retry", and the retry meets the conflict).
        store.save(draft, author, source, revision);
        return view(draft);
    }

    /**
     * The draft walked as a trainee would along {@code choices}, writing nothing; empty while the draft has
     * problems (the editor lists them).
     */
    public Optional<ReplayView> preview(Account author, String slug, List<Integer> choices) {
        School school = requireAuthor(author);
        ModuleDraft draft = draft(school, slug).orElseThrow(() -> new NotFoundException("draft " + slug));
        return ModuleParser.parse(slug + ".yaml", slug, draft.getSource()).definition()
                .map(d -> ReplayView.walk(d, choices, index -> null));
    }

    /**
     * Publishes the draft as the module's next version in the school's library, current from now on (trainees
     * mid-module keep the version they started); the draft is closed.
     *
     * @throws PublishRefused while the validator reports any problem
     * @throws DraftConflict when someone saved since the author's revision
     */
    public VersionRow publish(Account author, String slug, long revision) {
        School school = requireAuthor(author);
        ModuleDraft draft = draft(school, slug).orElseThrow(() -> new NotFoundException("draft " + slug));
        draft.requireRevision(revision);
        Parsed<ModuleDefinition> parsed = ModuleParser.parse(slug + ".yaml", slug, draft.getSource());
        if (parsed.definition().isEmpty()) {
            throw new PublishRefused(parsed.problems());
        }
        requireNotShared(slug);
        return row(store.publish(draft, author, parsed.definition().get().title(), null));
    }

    /** Hides the module from new starts; those who started keep their version. */
    public void unpublish(Account author, String slug) {
        School school = requireAuthor(author);
        List<ContentVersion> versions = versions(school, slug);
        if (versions.isEmpty()) {
            throw new NotFoundException("module " + slug);
        }
        versions.forEach(v -> v.makeCurrent(false));
        event(school, author, StudioEvent.Action.UNPUBLISH, slug, versions.get(0).getVersionNumber(), null);
    }

    /** Closes a draft without publishing it (what was published stays). */
    public void discard(Account author, String slug, long revision) {
        School school = requireAuthor(author);
        ModuleDraft draft = draft(school, slug).orElseThrow(() -> new NotFoundException("draft " + slug));
        draft.requireRevision(revision);
        store.remove(draft);
        event(school, author, StudioEvent.Action.DISCARD, slug, null, null);
    }

    /** Every published version of the school's module, newest first, with who published it and when. */
    public List<VersionRow> history(Account author, String slug) {
        School school = requireAuthor(author);
        return versions(school, slug).stream().map(StudioService::row).toList();
    }

    /** The studio's trail for one module, newest first. */
    public List<StudioEvent> trail(Account author, String slug) {
        School school = requireAuthor(author);
        return store.trail(school, ContentVersion.MODULE, slug);
    }

    /** The line-by-line difference between two published versions of the school's module. */
    public List<DiffLine> diff(Account author, String slug, int from, int to) {
        School school = requireAuthor(author);
        List<ContentVersion> versions = versions(school, slug);
        String before = versions.stream().filter(v -> v.getVersionNumber() == from).findFirst()
                .orElseThrow(() -> new NotFoundException(slug + " v" + from)).getSource();
        String after = versions.stream().filter(v -> v.getVersionNumber() == to).findFirst()
                .orElseThrow(() -> new NotFoundException(slug + " v" + to)).getSource();
        return diff(before, after);
    }

    /** The line-by-line difference of two texts, with the unchanged lines between. */
    static List<DiffLine> diff(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<DiffLine> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            while (i < start) {
                lines.add(new DiffLine(' ', i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String removed : delta.getSource().getLines()) {
                lines.add(new DiffLine('-', ++i, 0, removed));
            }
            for (String added : delta.getTarget().getLines()) {
                lines.add(new DiffLine('+', 0, ++j, added));
            }
        }
        while (i < a.size()) {
            lines.add(new DiffLine(' ', i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return lines;
    }

    /**
     * A module's file as it was published, for an author: the shared library's current version, or their school's
     * (the newest, or {@code version}). Another school's module is not found; so is any module for anyone without
     * the author right (a file holds the answers).
     */
    public ContentVersion export(Account asker, String slug, Integer version) {
        School school = requireAuthor(asker);
        List<ContentVersion> own = versions(school, slug);
        if (!own.isEmpty()) {
            return own.stream().filter(v -> version == null || v.getVersionNumber() == version).findFirst()
                    .orElseThrow(() -> new NotFoundException(slug + " v" + version));
        }
        return catalog.sharedModules().stream().filter(v -> v.getSlug().equals(slug)
                && (version == null || v.getVersionNumber() == version)).findFirst()
                .orElseThrow(() -> new NotFoundException("module " + slug));
    }

    /**
     * Imports module files (each a {@code slug.yaml}, or a .zip of a content folder) as drafts of the school's
     * library. Every file is checked first, with every problem reported by file and line; if there is any,
     * nothing is imported.
     */
    public Imported importFiles(Account author, List<ModuleArchive.Upload> uploads) {
        School school = requireAuthor(author);
        ModuleArchive.Read read = ModuleArchive.read(uploads);
        List<ContentProblem> problems = new ArrayList<>(read.problems());
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>(catalog.sharedModules().stream().map(ContentVersion::getSlug).toList());
        for (ModuleArchive.File file : read.files()) {
            problems.addAll(ModuleParser.parse(file.name(), file.slug(), file.source()).problems());
            if (!seen.add(file.slug())) {
                problems.add(new ContentProblem(file.name(), 1, "upload.twice", file.slug()));
            } else if (shared.contains(file.slug())) {
                problems.add(new ContentProblem(file.name(), 1, "upload.shared", file.slug()));
            } else if (draft(school, file.slug()).isPresent()) {
                problems.add(new ContentProblem(file.name(), 1, "upload.draftOpen", file.slug()));
            }
        }
        if (read.files().isEmpty() && problems.isEmpty()) {
            problems.add(new ContentProblem(uploads.isEmpty() ? "(no file)" : uploads.get(0).name(), 0,
                    "upload.noModule"));
        }
        if (!problems.isEmpty()) {
            return new Imported(List.of(), problems, read.skipped());
        }
        List<String> slugs = new ArrayList<>();
        for (ModuleArchive.File file : read.files()) {
            store.newDraft(ContentVersion.MODULE, school, author, file.slug(), file.source(), null);
            event(school, author, StudioEvent.Action.IMPORT, file.slug(), null, file.name());
            slugs.add(file.slug());
        }
        store.flush();
        return new Imported(slugs, List.of(), read.skipped());
    }

    /** Refuses a slug the content format does not allow. */
    static void requireWellFormed(String slug) {
        if (slug == null || slug.length() > ContentVersion.SLUG_MAX || !SLUG.matcher(slug).matches()) {
            throw new SlugRefused(SlugRefused.Reason.MALFORMED, String.valueOf(slug));
        }
    }

    private void requireFreeSlug(School school, String slug) {
        requireWellFormed(slug);
        requireNotShared(slug);
        if (draft(school, slug).isPresent() || !versions(school, slug).isEmpty()) {
            throw new SlugRefused(SlugRefused.Reason.TAKEN, slug);
        }
    }

    private void requireNotShared(String slug) {
        if (catalog.sharedModules().stream().anyMatch(v -> v.getSlug().equals(slug))) {
            throw new SlugRefused(SlugRefused.Reason.SHARED, slug);
        }
    }

    private Optional<ModuleDraft> draft(School school, String slug) {
        return store.draft(school, ContentVersion.MODULE, slug);
    }

    private List<ContentVersion> versions(School school, String slug) {
        return store.versions(school, ContentVersion.MODULE, slug);
    }

    private Draft view(ModuleDraft d) {
        return new Draft(d.getSlug(), d.getSource(), d.getRevision(), d.getOrigin(),
                d.getUpdatedBy() == null ? null : d.getUpdatedBy().getDisplayName(), d.getUpdatedAt(),
                check(d.getSlug(), d.getSource()));
    }

    static VersionRow row(ContentVersion v) {
        return new VersionRow(v.getVersionNumber(), v.getTitle(), v.isCurrent(),
                v.getPublishedBy() == null ? null : v.getPublishedBy().getDisplayName(), v.getImportedAt(),
                v.getOrigin());
    }

    private void event(School school, Account author, StudioEvent.Action action, String slug, Integer version,
            String detail) {
        store.event(ContentVersion.MODULE, school, author, action, slug, version, detail);
    }

    /** The studio's new-module file, with the slug and title filled in (the title quoted as YAML). */
    static String skeleton(String slug, String title) {
        return StudioStore.withTitle(StudioStore.withSlug(StudioStore.resource("new-module.yaml"), slug), title, slug);
    }

}
