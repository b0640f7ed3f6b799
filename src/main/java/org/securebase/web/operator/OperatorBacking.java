package org.securebase.web.operator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.lti.ToolKeyService;
import org.securebase.application.xapi.XapiService;
import org.securebase.domain.lti.ToolKey;
import org.securebase.domain.xapi.XapiStatement;
import org.securebase.web.util.Bundle;

/**
 * /operator/index.xhtml: what spans the schools of this installation, for its operator alone: the tool's signing
 * keys (every school's platforms trust them) and the health of the xAPI delivery queue across schools.
 */
@Named
@RequestScoped
public class OperatorBacking {

    @Inject
    private ToolKeyService keys;

    @Inject
    private XapiService xapi;

    @Inject
    private CurrentUser currentUser;

    private List<ToolKey> active;
    private List<String> xapiCounts;
    private List<XapiStatement> xapiProblems;

    @PostConstruct
    void load() {
        keys.signingKey();
        active = keys.active();
        xapiCounts = xapi.counts(currentUser.require()).stream().map(r -> r[0] + ": " + r[1]).toList();
        xapiProblems = xapi.problems(currentUser.require(), 20);
    }

    public List<ToolKey> getKeys() {
        return active;
    }

    public boolean isXapi() {
        return xapi.isConfigured();
    }

    public List<String> getXapiCounts() {
        return xapiCounts;
    }

    public List<XapiStatement> getXapiProblems() {
        return xapiProblems;
    }

    public String rotate() {
        keys.rotate(currentUser.require());
        Bundle.info("lti.rotated");
        Faces.getFlash().setKeepMessages(true);
        return "/operator/index?faces-redirect=true";
    }

    public String retireOld() {
        Bundle.info("lti.retired", keys.retireOld(currentUser.require()));
        Faces.getFlash().setKeepMessages(true);
        return "/operator/index?faces-redirect=true";
    }
}
