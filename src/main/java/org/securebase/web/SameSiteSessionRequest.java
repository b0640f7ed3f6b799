package org.securebase.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code SameSite=Lax} to the session cookie. Payara Micro 6 ignores the Servlet 6 cookie attribute
 * setting, so whenever a session is created or its id changed, the Set-Cookie header the container has just
 * added is rewritten, before anything is written to the body. The container also changes the id itself at
 * sign-in, on a redirect that is already committed; {@link #reissueIfRenamed()} then re-sends the cookie with
 * the attribute on the next response, the page the redirect leads to.
 */
final class SameSiteSessionRequest extends HttpServletRequestWrapper {

    private static final String MARKED = SameSiteSessionRequest.class.getName();

    private final HttpServletResponse response;

    SameSiteSessionRequest(HttpServletRequest request, HttpServletResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        boolean existed = super.getSession(false) != null;
        HttpSession session = super.getSession(create);
        if (!existed && session != null) {
            markSameSite();
            session.setAttribute(MARKED, session.getId());
        }
        return session;
    }

    @Override
    public String changeSessionId() {
        String id = super.changeSessionId();
        markSameSite();
        super.getSession(false).setAttribute(MARKED, id);
        return id;
    }

    /** Re-sends the session cookie with SameSite once for every session id the browser has not had it for. */
    void reissueIfRenamed() {
        HttpSession session = super.getSession(false);
        if (session == null || response.isCommitted() || session.getId().equals(session.getAttribute(MARKED))) {
            return;
        }
        String name = getServletContext().getSessionCookieConfig().getName();
        String path = getContextPath().isEmpty() ? "/" : getContextPath();
        response.addHeader("Set-Cookie", (name == null ? "JSESSIONID" : name) + "=" + session.getId() + "; Path=" + path
                + "; HttpOnly" + (getServletContext().getSessionCookieConfig().isSecure() ? "; Secure" : "")
                + "; SameSite=" + sameSite());
        session.setAttribute(MARKED, session.getId());
    }

    private String sameSite() {
        Object value = getServletContext().getAttribute(SessionCookieSetup.SAME_SITE);
        return value == null ? "Lax" : value.toString();
    }

    void markSameSite() {
        if (response.isCommitted()) {
            return;
        }
        String name = getServletContext().getSessionCookieConfig().getName();
        String prefix = (name == null ? "JSESSIONID" : name) + "=";
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.stream().noneMatch(c -> c.startsWith(prefix) && !c.contains("SameSite"))) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String c = cookies.get(i);
            String value = c.startsWith(prefix) && !c.contains("SameSite") ? c + "; SameSite=" + sameSite() : c;
            if (i == 0) {
                response.setHeader("Set-Cookie", value);
            } else {
                response.addHeader("Set-Cookie", value);
            }
        }
    }
}
