package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CaseService;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReplayView;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.CaseWalker;

/**
 * /student/replay.xhtml?module=slug&choices=1,0: a submitted case walked again to see the roads not taken. The
 * replay's choices live in the address (each option is a plain link), so it writes nothing and the back button
 * goes back one choice.
 */
@Named
@RequestScoped
public class ReplayBacking {

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
    @Param(name = "choices")
    private String choices;

    private ReplayView view;
    private boolean notYet;

    @PostConstruct
    void load() {
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            view = cases.replay(currentUser.require(), slug, CaseWalker.parse(choices));
            view = view.in(catalog.inLanguage(view.definition(), language.getLocale()));
        } catch (NotFoundException e) {
            // verify() answers 404.
        } catch (BusinessException e) {
            notYet = true;
        }
    }

    /** Runs before rendering: a module the student never opened is "not found". */
    public void verify() {
        if (view == null && !notYet) {
            Faces.responseSendError(404, "not found");
        }
    }

    /** The addresses of this replay with one more choice, or fewer. */
    public CaseWalker getWalker() {
        return new CaseWalker("/student/replay.xhtml", slug, view.choices());
    }

    public ReplayView getView() {
        return view;
    }

    public boolean isNotYet() {
        return notYet;
    }

    public String getSlug() {
        return slug;
    }
}
