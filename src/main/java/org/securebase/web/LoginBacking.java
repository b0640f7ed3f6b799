package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.securebase.application.AccountService;
import org.securebase.application.Caller;
import org.securebase.application.CurrentUser;
import org.securebase.application.InvitationService;
import org.securebase.domain.account.Account;
import org.securebase.web.security.ClientAddress;
import org.securebase.web.security.Sessions;
import org.securebase.web.util.Bundle;

/**
 * /login.xhtml: checks the password through {@link AccountService#signIn} (with its throttle), then signs the
 * person in under a fresh session id and sends them where they were going, or to their home page.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AccountService accounts;

    @Inject
    private InvitationService invitations;

    private boolean throttled;

    @NotBlank
    @Size(max = Account.EMAIL_MAX)
    private String email;

    @NotBlank
    @Size(max = 1000)
    private String password;

    public void login() {
        HttpServletRequest request = Faces.getRequest();
        String source = ClientAddress.of(request);
        Optional<Instant> locked = accounts.lockedUntil(email, source);
        if (locked.isPresent()) {
            throttled(locked.get());
            return;
        }
        AccountService.SignIn result = accounts.signIn(email, password.toCharArray(), source);
        if (result.outcome() == AccountService.Outcome.PASSWORD_OFF) {
            Bundle.error("login.passwordOff");
            return;
        }
        if (result.outcome() != AccountService.Outcome.SUCCESS) {
            accounts.lockedUntil(email, source).ifPresentOrElse(this::throttled, () -> Bundle.error("login.invalid"));
            return;
        }
        Caller caller = Caller.of(result.account());
        Sessions.signIn(request, caller);
        // A language chosen before signing in becomes the account's, for later visits and for mail.
        if (request.getSession().getAttribute(LocaleBacking.SESSION_LOCALE) instanceof String chosen
                && result.account().preferredLocale().isEmpty()) {
            accounts.chooseLanguage(result.account(), chosen);
        }
        // The browser's time zone (set by js/timezone.js): kept for this session, and on the account if it has none.
        if (Account.zoneOf(timeZone).isPresent()) {
            request.getSession().setAttribute(org.securebase.web.util.Times.SESSION_ZONE, timeZone.strip());
            if (result.account().zone().isEmpty()) {
                accounts.chooseZone(result.account(), timeZone);
            }
        }
        currentUser.establish(caller);
        String home = request.getContextPath() + "/index.xhtml";
        String target = Sessions.takeContinue(request).filter(t -> t.startsWith(request.getContextPath() + "/")
                && !t.startsWith("//")).orElse(home);
        try {
            Faces.getExternalContext().redirect(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void throttled(Instant until) {
        String time = org.securebase.web.util.Times.time(until);
        Bundle.error("login.throttled", time);
        throttled = true;
    }

    /** Mails a one-time sign-in link (the rightful user's way in while their name is throttled). */
    public void sendLink() {
        invitations.sendSignInLink(email);
        Bundle.info("login.linkSent");
    }

    /** Whether this answer refused a sign-in for too many failures, so the page offers the link. */
    public boolean isThrottled() {
        return throttled;
    }

    /** The time zone the browser reported (a hidden field filled by js/timezone.js); may be empty. */
    @Size(max = Account.ZONE_MAX)
    private String timeZone;

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
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
