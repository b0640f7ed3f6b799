package org.securebase.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import org.securebase.application.Caller;

/** The request as pages and resources see it: its principal and roles are the session's caller, or none. */
final class CallerRequest extends HttpServletRequestWrapper {

    private final Caller caller;

    CallerRequest(HttpServletRequest request, Caller caller) {
        super(request);
        this.caller = caller;
    }

    @Override
    public Principal getUserPrincipal() {
        if (caller == null) {
            return null;
        }
        String name = "account:" + caller.accountId();
        return () -> name;
    }

    @Override
    public String getRemoteUser() {
        return caller == null ? null : "account:" + caller.accountId();
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller != null && caller.role().name().equals(role);
    }

    @Override
    public String getAuthType() {
        return caller == null ? null : FORM_AUTH;
    }
}
