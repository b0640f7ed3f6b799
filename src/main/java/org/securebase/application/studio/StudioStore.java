package org.securebase.application.studio;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ContentVersion;
import org.securebase.domain.module.ModuleDraft;
import org.securebase.domain.module.StudioEvent;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.content.ContentFolder;

/**
 * What the studio keeps, for either kind of file it writes (modules and instruments): a school's drafts, its
 * published versions and its trail. The callers (the studio services) check the author right and the file; this
 * class only stores, always within one school's library and one kind.
 */
@Dependent
class StudioStore {

    private static final Pattern SLUG_LINE = Pattern.compile("(?m)^slug:[^\\n]*$");
    private static final Pattern TITLE_LINE = Pattern.compile("(?m)^title:[^\\n]*$");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    List<ModuleDraft> drafts(School school, String kind) {
        return em.createNamedQuery("ModuleDraft.ofSchool", ModuleDraft.class).setParameter("school", school)
                .setParameter("kind", kind).getResultList();
    }

    Optional<ModuleDraft> draft(School school, String kind, String slug) {
        return em.createNamedQuery("ModuleDraft.bySlug", ModuleDraft.class).setParameter("school", school)
                .setParameter("kind", kind).setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The school's published versions of one file, newest first. */
    List<ContentVersion> versions(School school, String kind, String slug) {
        return em.createNamedQuery("ContentVersion.bySlug", ContentVersion.class).setParameter("kind", kind)
                .setParameter("library", ContentVersion.libraryOf(school)).setParameter("slug", slug)
                .getResultList();
    }

    /** Every published version of the school's files of a kind, by slug and newest first. */
    List<ContentVersion> allVersions(School school, String kind) {
        return em.createQuery("select v from ContentVersion v where v.kind = :kind and v.school = :school "
                + "order by v.slug, v.versionNumber desc", ContentVersion.class).setParameter("kind", kind)
                .setParameter("school", school).getResultList();
    }

    ModuleDraft newDraft(String kind, School school, Account author, String slug, String source, String origin) {
        ModuleDraft draft = new ModuleDraft(kind, school, slug, source, origin, ref(author), clock.instant());
        em.persist(draft);
        return draft;
    }

    /** The draft of a published file, made from its newest version when it has none. */
    Optional<ModuleDraft> openDraft(String kind, School school, Account author, String slug) {
        Optional<ModuleDraft> draft = draft(school, kind, slug);
        if (draft.isPresent()) {
            return draft;
        }
        Optional<ContentVersion> newest = versions(school, kind, slug).stream().findFirst();
        newest.ifPresent(v -> {
            newDraft(kind, school, author, slug, v.getSource(), v.getOrigin());
            em.flush();
        });
        return newest.flatMap(v -> draft(school, kind, slug));
    }

    /** Keeps the author's text if written on the stored revision; a racing save is refused by the version check. */
    void save(ModuleDraft draft, Account author, String source, long revision) {
        draft.save(source, revision, ref(author), clock.instant());
        em.flush();
    }

    /**
     * The draft as the file's next version in the school's library (or the version it already equals), current from
     * now on; the draft is closed and the publish written to the trail.
     */
    ContentVersion publish(ModuleDraft draft, Account author, String title, String detail) {
        School school = draft.getSchool();
        List<ContentVersion> versions = versions(school, draft.getKind(), draft.getSlug());
        String hash = ContentFolder.sha256(draft.getSource());
        ContentVersion published = versions.stream().filter(v -> v.getContentHash().equals(hash)).findFirst()
                .orElse(null);
        if (published == null) {
            int next = versions.isEmpty() ? 1 : versions.get(0).getVersionNumber() + 1;
            published = ContentVersion.published(draft.getKind(), school, draft.getSlug(), next, hash, title,
                    draft.getSource(), draft.getOrigin(), ref(author), clock.instant());
            em.persist(published);
        }
        for (ContentVersion v : versions) {
            v.makeCurrent(v == published);
        }
        published.makeCurrent(true);
        em.remove(draft);
        event(draft.getKind(), school, author, StudioEvent.Action.PUBLISH, draft.getSlug(),
                published.getVersionNumber(), detail);
        em.flush();
        return published;
    }

    void remove(ModuleDraft draft) {
        em.remove(draft);
    }

    void event(String kind, School school, Account author, StudioEvent.Action action, String slug, Integer version,
            String detail) {
        em.persist(new StudioEvent(kind, school, ref(author), action, slug, version, detail, clock.instant()));
    }

    /** The trail of one file, newest first. */
    List<StudioEvent> trail(School school, String kind, String slug) {
        return em.createNamedQuery("StudioEvent.bySlug", StudioEvent.class).setParameter("school", school)
                .setParameter("kind", kind).setParameter("slug", slug).setMaxResults(200).getResultList();
    }

    void flush() {
        em.flush();
    }

    Account ref(Account account) {
        return em.getReference(Account.class, account.getId());
    }

    /** A text file beside this class (the studio's skeletons). */
    static String resource(String name) {
        try (InputStream in = StudioStore.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text with its {@code slug:} line naming {@code slug}. */
    static String withSlug(String source, String slug) {
        return SLUG_LINE.matcher(source).replaceFirst("slug: " + slug);
    }

    /** The file's text with its {@code title:} line set to {@code title}, quoted as YAML (slug when blank). */
    static String withTitle(String source, String title, String slug) {
        String safe = title == null || title.isBlank() ? slug : title.strip().replaceAll("[\\r\\n]+", " ");
        return TITLE_LINE.matcher(source).replaceFirst(Matcher.quoteReplacement(
                "title: \"" + safe.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    /** The title a file's text gives itself, for a draft that does not parse yet; else the slug. */
    static String titleOf(String source, String slug) {
        Matcher m = TITLE_LINE.matcher(source);
        return m.find() ? m.group().substring("title:".length()).strip().replaceAll("^\"|\"$", "") : slug;
    }
}
