package org.securebase.web.lti;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.lti.LtiService;
import org.securebase.web.util.Bundle;

/**
 * /staff/deep-link.xhtml: an instructor who came from the platform's "add activity" picks modules; the answer goes
 * back to the platform as a signed message in a form the browser posts to it.
 */
@Named
@RequestScoped
public class DeepLinkBacking {

    @Inject
    private LtiService lti;

    @Inject
    private CurrentUser currentUser;

    private LtiService.DeepLink request;
    private List<String> chosen = new ArrayList<>();
    private String response;

    @PostConstruct
    void load() {
        request = (LtiService.DeepLink) Faces.getSessionAttribute(LtiLaunchServlet.DEEP_LINK);
    }

    public String respond() {
        if (request == null) {
            return null;
        }
        if (chosen.isEmpty()) {
            Bundle.error("deepLink.chooseOne");
            return null;
        }
        response = lti.deepLinkResponse(currentUser.require(), request, chosen, LtiUrls.launch(Faces.getRequest()));
        Faces.removeSessionAttribute(LtiLaunchServlet.DEEP_LINK);
        return null;
    }

    public List<Map.Entry<String, String>> getModules() {
        return lti.modules();
    }

    public LtiService.DeepLink getRequest() {
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
