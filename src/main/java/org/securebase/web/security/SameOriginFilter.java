package org.securebase.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refuses state-changing requests sent by other sites (CSRF), for every Faces form, servlet and API verb alike:
 * a POST, PUT, PATCH or DELETE passes only when the browser says it came from our own origin. Browsers say so with
 * {@code Sec-Fetch-Site} (same-origin, or none for what the person typed) or, where that header is missing, with
 * {@code Origin}. A request with neither comes from no browser, so no other site can have made it. The LTI launch
 * and login initiation are posted by the learning platform, cross-site by design: they are protected by their
 * one-time state, nonce and signature instead.
 */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> CROSS_SITE_BY_DESIGN = Set.of("/lti/launch", "/lti/login");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || CROSS_SITE_BY_DESIGN.contains(request.getServletPath())
                || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warning(() -> "Refused a cross-site " + request.getMethod() + " to " + request.getRequestURI()
                + " (Sec-Fetch-Site " + request.getHeader("Sec-Fetch-Site") + ", Origin " + request.getHeader("Origin")
                + ")");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"reason\":\"crossSite\"}");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getHost() != null && host != null && authority(uri).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String authority(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
