package org.securebase.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.AccountService;
import org.securebase.domain.account.Account;
import org.securebase.web.util.Bundle;

/** /login.xhtml: signs in through the container, so the session is the container's and roles apply. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private AccountService accounts;

    /** True when the container sent the user here from a protected page they should return to. */
    @Inject
    @Param(name = "continue")
    private boolean continued;

    @NotBlank
    @Size(max = Account.EMAIL_MAX)
    private String email;

    @NotBlank
    @Size(max = 1000)
    private String password;

    public void login() {
        Optional<Instant> locked = accounts.lockedUntil(email);
        if (locked.isPresent()) {
            throttled(locked.get());
            return;
        }
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        // A fresh session id before the session becomes authenticated: a planted id is worthless.
        request.getSession(true);
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(email, new Password(password))).newAuthentication(!continued));
        switch (status) {
            case SEND_CONTINUE -> FacesContext.getCurrentInstance().responseComplete();
            case SUCCESS -> Faces.redirect("index.xhtml");
            default -> accounts.lockedUntil(email).ifPresentOrElse(this::throttled,
                    () -> Bundle.error("login.invalid"));
        }
    }

    private void throttled(Instant until) {
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Faces.getLocale())
                .withZone(ZoneId.systemDefault()).format(until);
        Bundle.error("login.throttled", time);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
