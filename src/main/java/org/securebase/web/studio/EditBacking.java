package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.DraftConflict;
import org.securebase.infrastructure.content.ContentProblem;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /studio/edit.xhtml?module=slug: the module's file in a code editor. The text autosaves through the studio API
 * (js/studio.js), which answers with the validator's problems; publishing and discarding are posts here, naming the
 * revision the author last saw.
 */
@Named
@RequestScoped
public class EditBacking {

    @Inject
    private StudioService studio;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "module")
    private String slug;

    private StudioService.Draft draft;
    private long revision;
    private List<ContentProblem> refused = List.of();

    @PostConstruct
    void load() {
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            draft = studio.open(currentUser.require(), slug);
            revision = draft.revision();
        } catch (NotFoundException e) {
            // verify() answers 404.
        }
    }

    public void verify() {
        if (draft == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String publish() {
        try {
            StudioService.VersionRow published = studio.publish(currentUser.require(), slug, revision);
            Faces.getFlash().setKeepMessages(true);
            Bundle.info("studio.published", slug, published.number());
            return "/studio/history?faces-redirect=true&module=" + slug;
        } catch (StudioService.PublishRefused e) {
            refused = e.problems();
            Bundle.error("studio.publish.refused", e.problems().size());
        } catch (DraftConflict e) {
            Bundle.error("studio.conflict", e.savedBy() == null ? "?" : e.savedBy(), Times.when(e.savedAt()));
        } catch (StudioService.SlugRefused e) {
            Bundle.error("studio.slug.shared", slug);
        }
        draft = studio.open(currentUser.require(), slug);
        return null;
    }

    public String discard() {
        try {
            studio.discard(currentUser.require(), slug, revision);
            Faces.getFlash().setKeepMessages(true);
            Bundle.info("studio.discarded", slug);
            return "/studio/index?faces-redirect=true";
        } catch (DraftConflict e) {
            Bundle.error("studio.conflict", e.savedBy() == null ? "?" : e.savedBy(), Times.when(e.savedAt()));
            draft = studio.open(currentUser.require(), slug);
            return null;
        }
    }

    public StudioService.Draft getDraft() {
        return draft;
    }

    public String getSlug() {
        return slug;
    }

    public long getRevision() {
        return revision;
    }

    public void setRevision(long revision) {
        this.revision = revision;
    }

    public List<ContentProblem> getRefused() {
        return refused;
    }

    /** The saved-at time in the viewer's zone. */
    public String getSavedAt() {
        return draft == null ? "" : Times.when(draft.savedAt());
    }
}
