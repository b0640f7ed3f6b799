package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.lti.DeepLinkService;
import org.securebase.web.lti.LtiLaunchServlet;
import org.securebase.web.lti.LtiUrls;
import org.securebase.web.util.Bundle;

/**
 * /staff/deep-link.xhtml: an instructor who came from the platform's "add activity" picks modules; the answer goes
 * back to the platform as a signed message in a form the browser posts to it.
 */
@Named
@RequestScoped
public class DeepLinkBacking {

    @Inject
    private DeepLinkService deepLinks;

    @Inject
    private CurrentUser currentUser;

    private DeepLinkService.Request request;
    private List<DeepLinkService.Linkable> modules = List.of();
    private List<String> chosen = new ArrayList<>();
    private String response;

    @PostConstruct
    void load() {
        request = (DeepLinkService.Request) Faces.getSessionAttribute(LtiLaunchServlet.DEEP_LINK);
        if (request != null) {
            modules = deepLinks.modules(currentUser.require().getSchool());
        }
    }

    public String respond() {
        if (request == null) {
            return null;
        }
        if (chosen.isEmpty()) {
            Bundle.error("deepLink.chooseOne");
            return null;
        }
        response = deepLinks.response(currentUser.require(), request, chosen, LtiUrls.launch(Faces.getRequest()));
        Faces.removeSessionAttribute(LtiLaunchServlet.DEEP_LINK);
        return null;
    }

    public List<DeepLinkService.Linkable> getModules() {
        return modules;
    }

    public DeepLinkService.Request getRequest() {
        return request;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen;
    }

    public String getResponse() {
        return response;
    }

    /** Where the answer goes: kept after the session attribute is removed. */
    public String getReturnUrl() {
        return request == null ? "" : request.returnUrl();
    }
}
