package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CaseService;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReplayView;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;

/**
 * /student/replay.xhtml?module=slug&choices=1,0: a submitted case walked again to see the roads not taken. The
 * replay's choices live in the address (each option is a plain link), so it writes nothing and the back button
 * goes back one choice.
 */
@Named
@RequestScoped
public class ReplayBacking {

    /** Longer addresses are cut: no case has this many questions. */
    static final int MAX_CHOICES = 50;

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
            view = cases.replay(currentUser.require(), slug, parse(choices));
            view = view.in(catalog.inLanguage(view.definition(), language.getLocale()));
        } catch (NotFoundException e) {
            // verify() answers 404.
        } catch (BusinessException e) {
            notYet = true;
        }
    }

    /** The choices in the address, as far as they are numbers: "1,0,x,2" reads as 1, 0. */
    public static List<Integer> parse(String choices) {
        List<Integer> parsed = new ArrayList<>();
        if (choices == null || choices.isBlank()) {
            return parsed;
        }
        for (String part : choices.split(",", MAX_CHOICES + 1)) {
            if (parsed.size() >= MAX_CHOICES || !part.strip().matches("\\d{1,2}")) {
                break;
            }
            parsed.add(Integer.parseInt(part.strip()));
        }
        return parsed;
    }

    /** Runs before rendering: a module the student never opened is "not found". */
    public void verify() {
        if (view == null && !notYet) {
            Faces.responseSendError(404, "not found");
        }
    }

    /** The address of this replay with one more choice. */
    public String with(int option) {
        List<Integer> next = new ArrayList<>(view.choices());
        next.add(option);
        return address(next);
    }

    /** The address of this replay back at the stage at {@code position} of the steps. */
    public String upTo(int choicesKept) {
        return address(view.choices().subList(0, Math.min(choicesKept, view.choices().size())));
    }

    private String address(List<Integer> list) {
        return Faces.getRequestContextPath() + "/student/replay.xhtml?module=" + slug
                + (list.isEmpty() ? "" : "&choices=" + list.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
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
