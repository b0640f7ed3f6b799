package org.securebase.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.securebase.application.Caller;
import org.securebase.application.CurrentUser;
import org.securebase.domain.account.Role;

/**
 * Establishes the caller from the session on every request and guards the pages of each role: without a
 * session, a protected page leads to sign-in (and back afterwards); with the wrong role, 403. It replaces the
 * container's form authentication and security constraints, which under concurrent sessions refused about one
 * request in twenty of correctly signed-in people (Payara issue 6145, fixed after the newest Payara Micro 6 we
 * can run).
 */
public class AccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Which roles may open the pages under each folder; anything else is open to all. */
    static final Map<String, Set<Role>> AREAS = Map.of(
            "/student/", EnumSet.of(Role.STUDENT),
            "/tutor/", EnumSet.of(Role.TUTOR),
            "/admin/", EnumSet.of(Role.SCHOOL_ADMIN),
            "/staff/", EnumSet.of(Role.TUTOR, Role.SCHOOL_ADMIN),
            // The studio: the author right is checked per request by StudioService (404 without it).
            "/studio/", EnumSet.of(Role.TUTOR, Role.SCHOOL_ADMIN),
            "/operator/", EnumSet.of(Role.OPERATOR),
            // Everyone's own settings and data ("Download my data"): any signed-in person, nobody else.
            "/profile.xhtml", EnumSet.allOf(Role.class),
            // Balint groups: who may open a group or session is decided per group by BalintService (404 otherwise).
            "/balint/", EnumSet.of(Role.STUDENT, Role.TUTOR, Role.SCHOOL_ADMIN));

    /**
     * Pages that are one person's own and nobody else's business: to any other role they do not exist (404), not
     * merely forbidden, so not even their existence is confirmed.
     */
    static final Set<String> PRIVATE_TO_THEIR_OWNER = Set.of("/student/mirror.xhtml", "/student/portfolio.xhtml");

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Caller caller = Sessions.caller(request).orElse(null);
        currentUser.establish(caller);
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            Optional<Set<Role>> allowed = allowed(path(request));
            if (allowed.isPresent() && caller != null && currentUser.account().isEmpty()) {
                // The account went (erased) or was disabled while signed in: the session ends with it.
                Sessions.signOut(request);
                caller = null;
                currentUser.establish(null);
            }
            if (allowed.isPresent() && caller == null) {
                toSignIn(request, response);
                return;
            }
            if (allowed.isPresent() && !allowed.get().contains(caller.role())) {
                response.sendError(PRIVATE_TO_THEIR_OWNER.contains(path(request)) ? HttpServletResponse.SC_NOT_FOUND
                        : HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        HttpServletRequest seen = request.getDispatcherType() == DispatcherType.ERROR ? new ErrorPageRequest(request)
                : request;
        chain.doFilter(new CallerRequest(seen, caller), response);
    }

    static Optional<Set<Role>> allowed(String path) {
        return AREAS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.replaceAll("/{2,}", "/");
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getContextPath() + "/login.xhtml?continue=true";
        if ("GET".equals(request.getMethod()) && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(Sessions.CONTINUE,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An ajax request from a page whose session has gone: Faces' own way to send the browser elsewhere.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login.replace("&", "&amp;") + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(login);
    }
}
