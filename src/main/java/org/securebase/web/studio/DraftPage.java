package org.securebase.web.studio;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.DraftConflict;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * A studio page editing one draft (a module's fields, an instrument's file): loaded by its slug from the address
 * (404 when the author's school has no such draft), saved on the revision last seen, and after someone else's save
 * in between the author chooses: load theirs, or save this page's over it on purpose. Nothing is overwritten
 * silently and nothing typed is dropped.
 */
abstract class DraftPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CurrentUser currentUser;

    private String slug;
    private boolean found;
    private long revision;
    private String saved;
    private Instant savedAt;
    private List<ContentProblem> problems = List.of();
    private String conflictBy;
    private Instant conflictAt;
    private long conflictRevision;

    /** The draft of the slug named by the request parameter, or nothing (then {@link #verify()} answers 404). */
    void load(String parameter) {
        slug = Faces.getRequestParameter(parameter);
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            show(open(slug));
            found = true;
        } catch (NotFoundException e) {
            // verify() answers 404.
        }
    }

    /** The author's draft (made from the newest version when there is none). */
    abstract StudioService.Draft open(String slug);

    /** Keeps a text on a revision, or refuses with {@link DraftConflict}. */
    abstract StudioService.Draft store(String slug, String source, long revision);

    /** Shows a draft afresh: the page's own fields from its text, then {@link #accept}. */
    abstract void show(StudioService.Draft draft);

    /** Takes a saved draft's revision, time and problems as the page's. */
    void accept(StudioService.Draft draft) {
        saved = draft.source();
        revision = draft.revision();
        savedAt = draft.savedAt();
        problems = draft.check().problems();
        conflictBy = null;
    }

    /** Saves the page's text, unless it is what was saved; a save after someone else's is held as a conflict. */
    void saveText(String source) {
        if (!found || source == null || source.equals(saved) && conflictBy == null) {
            return;
        }
        try {
            accept(store(slug, source, revision));
        } catch (DraftConflict e) {
            conflictBy = e.savedBy() == null ? "?" : e.savedBy();
            conflictAt = e.savedAt();
            conflictRevision = e.storedRevision();
        }
    }

    /** Saves what the page holds. */
    public abstract void save();

    public void verify() {
        if (!found) {
            Faces.responseSendError(404, "not found");
        }
    }

    /**
     * Saves, then publishes on the revision saved; the published version is announced on the next page. Refusals
     * are messages and nothing moves: the validator's problems (kept by {@link #refused}) or someone's save in
     * between. Other refusals of {@code publish} reach the caller.
     */
    String publishWith(Function<Long, StudioService.VersionRow> publish, String doneKey, String outcome) {
        save();
        if (conflictBy != null) {
            return null;
        }
        try {
            StudioService.VersionRow published = publish.apply(revision);
            Faces.getFlash().setKeepMessages(true);
            Bundle.info(doneKey, slug, published.number());
            return outcome;
        } catch (StudioService.PublishRefused e) {
            refused(e.problems());
            Bundle.error("studio.publish.refused", e.problems().size());
        } catch (DraftConflict e) {
            Bundle.error("studio.conflict", e.savedBy() == null ? "?" : e.savedBy(), Times.when(e.savedAt()));
        }
        return null;
    }

    /** The problems a refused publish named, for a page that lists them. */
    void refused(List<ContentProblem> problems) {
        // Pages list their problems as they save; the form editor keeps these too.
    }

    /** After a conflict: the other author's draft replaces what this page shows. */
    public void useTheirs() {
        show(open(slug));
    }

    /** After a conflict: this page is saved over the other author's draft, on purpose. */
    public void keepMine() {
        revision = conflictRevision;
        conflictBy = null;
        save();
    }

    /** The conflict's text ("Sam saved this draft at ..."), from the page's own bundle key. */
    String conflictMessage(String key) {
        return conflictBy == null ? "" : Bundle.text(key, conflictBy, Times.when(conflictAt));
    }

    boolean isFound() {
        return found;
    }

    String saved() {
        return saved;
    }

    public String getSlug() {
        return slug;
    }

    public long getRevision() {
        return revision;
    }

    public List<ContentProblem> getProblems() {
        return problems;
    }

    public String getConflictBy() {
        return conflictBy;
    }

    public String getSavedAt() {
        return savedAt == null ? "" : Times.when(savedAt);
    }
}
