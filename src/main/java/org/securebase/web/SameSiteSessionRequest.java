package org.securebase.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds {@code SameSite=Lax} to the session cookie. Payara Micro 6 ignores the Servlet 6 cookie attribute
 * setting, so whenever a session is created or its id changed, the Set-Cookie header the container has just
 * added is rewritten, before anything is written to the body. The container also changes the id itself at
 * sign-in, on a redirect that is already committed; {@link #reissueIfRenamed()} then re-sends the cookie with
 * the attribute on the next response, the page the redirect leads to.
 *
 * <p>Sessions are distributable, so Payara versions them: each request that uses the session raises its version,
 * and the container finds the session only when the browser sends the version back in a {@code JSESSIONIDVERSION}
 * cookie. The container writes that cookie when the response commits, after the application, and with no SameSite,
 * so inside a learning platform's frame the browser refuses it and the next request loses its session. This
 * request writes the cookie itself, with the session cookie's SameSite, as soon as the container has set the new
 * version, and takes the version off the request so that the container writes no second one.
 */
final class SameSiteSessionRequest extends HttpServletRequestWrapper {

    private static final String MARKED = SameSiteSessionRequest.class.getName();

    /** The request attribute in which Payara keeps the versions a response must send (context path to version). */
    static final String VERSIONS = "com.sun.enterprise.http.sessionVersions";

    /** The cookie Payara reads the session's version from. */
    static final String VERSION_COOKIE = "JSESSIONIDVERSION";

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
        sendVersion();
        return session;
    }

    @Override
    public String changeSessionId() {
        String id = super.changeSessionId();
        markSameSite();
        super.getSession(false).setAttribute(MARKED, id);
        sendVersion();
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

    /**
     * Sends the session's new version in a cookie of ours (SameSite like the session cookie) and takes it off the
     * request, so that the container adds no cookie of its own; replaces a copy sent earlier in this response.
     */
    void sendVersion() {
        if (response.isCommitted() || !(super.getAttribute(VERSIONS) instanceof Map<?, ?> versions)
                || versions.isEmpty()) {
            return;
        }
        String value = versions.entrySet().stream()
                .map(e -> HexFormat.of().formatHex(String.valueOf(e.getKey()).getBytes(StandardCharsets.UTF_8)) + ":"
                        + e.getValue())
                .collect(Collectors.joining(":"));
        String path = getContextPath().isEmpty() ? "/" : getContextPath();
        String cookie = VERSION_COOKIE + "=" + value + "; Path=" + path + "; HttpOnly"
                + (getServletContext().getSessionCookieConfig().isSecure() ? "; Secure" : "") + "; SameSite="
                + sameSite();
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        cookies.removeIf(c -> c.startsWith(VERSION_COOKIE + "="));
        cookies.add(cookie);
        for (int i = 0; i < cookies.size(); i++) {
            if (i == 0) {
                response.setHeader("Set-Cookie", cookies.get(i));
            } else {
                response.addHeader("Set-Cookie", cookies.get(i));
            }
        }
        super.removeAttribute(VERSIONS);
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
