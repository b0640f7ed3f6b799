package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.web.security.Sessions;
import org.securebase.web.signin.ProviderLogout;

/** Who is signed in, for the page header; routing to the right home page; signing out. */
@Named
@RequestScoped
public class SessionBacking {

    @Inject
    private CurrentUser currentUser;

    public Account getAccount() {
        return currentUser.account().orElse(null);
    }

    /** /index.xhtml: each role has its own home page. */
    public void route() {
        Faces.redirect(currentUser.account().map(a -> home(a.getRole())).orElse("login.xhtml"));
    }

    static String home(Role role) {
        return switch (role) {
            case STUDENT -> "student/index.xhtml";
            case TUTOR -> "tutor/index.xhtml";
            case SCHOOL_ADMIN -> "admin/index.xhtml";
            case OPERATOR -> "operator/index.xhtml";
        };
    }

    /** Signs out here; a session signed in through the school's provider goes on to sign out there too. */
    public void logout() {
        HttpServletRequest request = Faces.getRequest();
        Optional<String> atProvider = ProviderLogout.of(request);
        Sessions.signOut(request);
        if (atProvider.isPresent()) {
            ProviderLogout.next(request, atProvider.get());
            Faces.redirect("signed-out.xhtml");
        } else {
            Faces.redirect("login.xhtml?signedOut=true");
        }
    }
}
