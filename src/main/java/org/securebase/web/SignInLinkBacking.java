package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.Caller;
import org.securebase.application.CurrentUser;
import org.securebase.application.InvitationService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.web.security.Sessions;
import org.securebase.web.util.Bundle;

/** /signin-link.xhtml?token=: a mailed one-time link signs its person in, once, by a button on this page. */
@Named
@RequestScoped
public class SignInLinkBacking {

    @Inject
    private InvitationService invitations;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "token")
    private String token;

    public void signIn() {
        try {
            Account account = invitations.redeemSignInLink(token);
            HttpServletRequest request = Faces.getRequest();
            Caller caller = Caller.of(account);
            Sessions.signInFresh(request, caller);
            currentUser.establish(caller);
            Faces.redirect("index.xhtml");
        } catch (BusinessException e) {
            Bundle.error(e.messageKey().replace("invitation.", "signInLink."));
        }
    }
}
