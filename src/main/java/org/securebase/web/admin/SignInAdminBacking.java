package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.signin.ProviderForm;
import org.securebase.application.signin.SignInProviderService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.OidcProvider;
import org.securebase.domain.account.Role;
import org.securebase.web.lti.LtiUrls;
import org.securebase.web.util.Bundle;

/**
 * /admin/signin.xhtml: the school's own OpenID Connect provider (one per school), what to register at the
 * provider, and whether password sign-in stays on. The client secret is never shown back: left blank, it is kept.
 */
@Named
@RequestScoped
public class SignInAdminBacking {

    @Inject
    private SignInProviderService providers;

    @Inject
    private CurrentUser currentUser;

    private OidcProvider provider;

    private String displayName;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private String emailClaim = OidcProvider.DEFAULT_EMAIL_CLAIM;
    private String rolesClaim;
    private boolean createAccounts;
    private Role newRole = Role.STUDENT;
    private boolean passwordOff;

    /** The stored registration fills the form (all but the secret); a post then overwrites with what was sent. */
    @PostConstruct
    void load() {
        provider = providers.provider(currentUser.require()).orElse(null);
        if (provider != null) {
            displayName = provider.getDisplayName();
            issuer = provider.getIssuer();
            clientId = provider.getClientId();
            emailClaim = provider.getEmailClaim();
            rolesClaim = provider.getRolesClaim();
            createAccounts = provider.isCreateAccounts();
            newRole = provider.getNewRole();
            passwordOff = provider.isPasswordSignInOff();
        }
    }

    public String save() {
        try {
            providers.save(currentUser.require(), new ProviderForm(displayName, issuer, clientId, clientSecret,
                    emailClaim, rolesClaim, createAccounts, newRole, passwordOff));
            Bundle.info("signin.admin.saved", displayName);
            Faces.getFlash().setKeepMessages(true);
            return "/admin/signin?faces-redirect=true";
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), e.getMessage());
            return null;
        }
    }

    public OidcProvider getProvider() {
        return provider;
    }

    public Role[] getRoles() {
        return new Role[] {Role.STUDENT, Role.TUTOR};
    }

    public String getRedirectUri() {
        return LtiUrls.base(Faces.getRequest()) + "/signin/callback";
    }

    public String getPostLogoutUri() {
        return LtiUrls.base(Faces.getRequest()) + "/login.xhtml?signedOut=true";
    }

    public String getSignInAddress() {
        return provider == null ? null : LtiUrls.base(Faces.getRequest()) + "/signin/" + provider.getId();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
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

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getEmailClaim() {
        return emailClaim;
    }

    public void setEmailClaim(String emailClaim) {
        this.emailClaim = emailClaim;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public boolean isCreateAccounts() {
        return createAccounts;
    }

    public void setCreateAccounts(boolean createAccounts) {
        this.createAccounts = createAccounts;
    }

    public Role getNewRole() {
        return newRole;
    }

    public void setNewRole(Role newRole) {
        this.newRole = newRole;
    }

    public boolean isPasswordOff() {
        return passwordOff;
    }

    public void setPasswordOff(boolean passwordOff) {
        this.passwordOff = passwordOff;
    }
}
