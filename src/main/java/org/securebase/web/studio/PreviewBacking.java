package org.securebase.web.studio;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReplayView;
import org.securebase.application.studio.StudioService;
import org.securebase.domain.NotFoundException;
import org.securebase.web.student.ReplayBacking;

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
            view = studio.preview(currentUser.require(), slug, ReplayBacking.parse(choices)).orElse(null);
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

    /** The address of this preview with one more choice. */
    public String with(int option) {
        List<Integer> next = new ArrayList<>(view.choices());
        next.add(option);
        return address(next);
    }

    /** The address of this preview with only the first {@code choicesKept} choices. */
    public String upTo(int choicesKept) {
        return address(view.choices().subList(0, Math.min(choicesKept, view.choices().size())));
    }

    private String address(List<Integer> list) {
        return Faces.getRequestContextPath() + "/studio/preview.xhtml?module=" + slug
                + (list.isEmpty() ? "" : "&choices=" + list.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
    }

    public ReplayView getView() {
        return view;
    }

    public String getSlug() {
        return slug;
    }
}
