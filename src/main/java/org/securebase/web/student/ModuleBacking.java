package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CaseService;
import org.securebase.application.CaseView;
import org.securebase.application.CurrentUser;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/**
 * /student/module.xhtml?module=slug: a case read stage by stage. Every action posts, then redirects back to the page
 * at the stage it concerns (post-redirect-get), so reloads and the back button never resubmit. The older name
 * {@code m} is still read, for addresses made before (bookmarks, and the LTI launch's redirect).
 */
@Named
@RequestScoped
public class ModuleBacking {

    @Inject
    private CaseService cases;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "module")
    private String slug;

    @Inject
    @Param(name = "m")
    private String oldSlug;

    private CaseView view;

    /** Option chosen per stage index, bound from the recognition-question forms. */
    private final Map<Integer, Integer> choice = new HashMap<>();

    /** Runs before rendering: an unknown or someone else's item is "not found", and nothing is rendered. */
    /** Set when the step opens later: verify() sends the student back to the curriculum, which says when. */
    private org.securebase.domain.curriculum.NotReleased notYet;

    public void verify() {
        if (notYet != null) {
            org.securebase.web.util.Bundle.notYetOpen(notYet);
            return;
        }
        if (view == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    @PostConstruct
    void load() {
        if (slug == null || slug.isBlank()) {
            slug = oldSlug;
        }
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            view = translated(cases.open(student(), slug));
        } catch (org.securebase.domain.curriculum.NotReleased e) {
            notYet = e;
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    /**
     * Commits to the option chosen at a stage.
     *
     * @param stageIndex the stage's position in the module
     * @param position its position on the trainee's path, for the anchor to come back to
     */
    public void answer(int stageIndex, int position) {
        Integer option = choice.get(stageIndex);
        if (option == null) {
            Bundle.error("module.chooseOption");
            return;
        }
        try {
            view = translated(cases.answer(student(), slug, stageIndex, option));
            Faces.redirect("student/module.xhtml?module=%s#stage-%d", slug, position + 1);
        } catch (BusinessException e) {
            // Committed already (another tab): the page shows what stands.
            Bundle.error(e.messageKey());
            view = translated(cases.open(student(), slug));
        }
    }

    public void next() {
        try {
            view = translated(cases.advance(student(), slug));
            Faces.redirect("student/module.xhtml?module=%s#stage-%d", slug, view.path().size());
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        }
    }

    /** The case in the reader's language, when the module has a translation of the same shape. */
    private CaseView translated(CaseView original) {
        return original.in(catalog.inLanguage(original.definition(), language.getLocale()));
    }

    private Account student() {
        return currentUser.require();
    }

    public CaseView getView() {
        return view;
    }

    public String getSlug() {
        return slug;
    }

    private ReviewDisplay.VersionView feedback;

    /** The tutor's decided review of the latest version, as the student reads it; null when there is none. */
    public ReviewDisplay.VersionView getFeedback() {
        if (feedback == null && view != null && view.feedback() != null) {
            feedback = ReviewDisplay.version(view.definition(), view.submitted(), null,
                    view.feedback(), view.rubric());
        }
        return feedback;
    }

    /** When the shown version was submitted, in the reader's locale. */
    public String getSubmittedAtText() {
        return view == null || view.submitted() == null ? ""
                : org.securebase.web.util.Times.format(view.submitted().getSubmittedAt(), FormatStyle.LONG,
                        FormatStyle.SHORT);
    }

    public Map<Integer, Integer> getChoice() {
        return choice;
    }
}
