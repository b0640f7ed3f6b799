package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.lti.PlatformService;
import org.securebase.application.xapi.XapiService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.lti.LtiPlatform;
import org.securebase.domain.xapi.XapiStatement;
import org.securebase.web.lti.LtiUrls;
import org.securebase.web.util.Bundle;

/**
 * /admin/lti.xhtml: the school's learning platforms, what to paste into them, and the school's own xAPI
 * deliveries. The tool's signing keys span schools: they are the operator's ({@code web.operator}).
 */
@Named
@RequestScoped
public class LtiAdminBacking {

    @Inject
    private PlatformService lti;

    @Inject
    private CurrentUser currentUser;

    private String name;
    private String issuer;
    private String clientId;
    private String deploymentIds;
    private String authUrl;
    private String tokenUrl;
    private String jwksUrl;

    @Inject
    private XapiService xapi;

    public boolean isXapi() {
        return xapi.isConfigured();
    }

    /** Statements per state, e.g. "SENT: 120": the school's own. */
    public List<String> getXapiCounts() {
        return xapiCounts;
    }

    public List<XapiStatement> getXapiProblems() {
        return xapiProblems;
    }

    private List<LtiPlatform> platforms;
    private Map<Long, Long> withoutLineItem;
    private List<String> xapiCounts;
    private List<XapiStatement> xapiProblems;

    /** Everything the page shows, once per request: no getter runs a query. */
    @PostConstruct
    void load() {
        platforms = lti.platforms(currentUser.require());
        withoutLineItem = lti.launchesWithoutLineItem(currentUser.require());
        xapiCounts = xapi.counts(currentUser.require()).stream().map(r -> r[0] + ": " + r[1]).toList();
        xapiProblems = xapi.problems(currentUser.require(), 20);
    }

    public List<LtiPlatform> getPlatforms() {
        return platforms;
    }

    /** Per platform id: students' launches that named no line item, so no grade goes back for them. */
    public Map<Long, Long> getWithoutLineItem() {
        return withoutLineItem;
    }

    public String register() {
        try {
            lti.register(currentUser.require(), name, issuer, clientId, deploymentIds, authUrl, tokenUrl, jwksUrl);
            Bundle.info("lti.registered", name);
            Faces.getFlash().setKeepMessages(true);
            return "/admin/lti?faces-redirect=true";
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), e.getMessage());
            return null;
        }
    }

    private static HttpServletRequest request() {
        return Faces.getRequest();
    }

    public String getLoginUrl() {
        return LtiUrls.login(request());
    }

    public String getLaunchUrl() {
        return LtiUrls.launch(request());
    }

    public String getJwksUrl() {
        return LtiUrls.jwks(request());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getDeploymentIds() {
        return deploymentIds;
    }

    public void setDeploymentIds(String deploymentIds) {
        this.deploymentIds = deploymentIds;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getPlatformJwksUrl() {
        return jwksUrl;
    }

    public void setPlatformJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }
}
