package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReplayView;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.web.util.CaseWalker;

/**
 * /studio/preview.xhtml?module=slug&choices=1,0: the draft run through as a trainee would, on whichever path the
 * author picks; the choices live in the address, so nothing is recorded anywhere.
 */
@Named
@RequestScoped
public class PreviewBacking {

    @Inject
    private StudioService studio;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "module")
    private String slug;

    @Inject
    @Param(name = "choices")
    private String choices;

    private ReplayView view;
    private boolean found;

    @PostConstruct
    void load() {
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            view = studio.preview(currentUser.require(), slug, CaseWalker.parse(choices)).orElse(null);
            found = true;
        } catch (NotFoundException e) {
            // verify() answers 404.
        }
    }

    public void verify() {
        if (!found) {
            Faces.responseSendError(404, "not found");
        }
    }

    /** The addresses of this preview with one more choice, or fewer. */
    public CaseWalker getWalker() {
        return new CaseWalker("/studio/preview.xhtml", slug, view.choices());
    }

    public ReplayView getView() {
        return view;
    }

    public String getSlug() {
        return slug;
    }
}
