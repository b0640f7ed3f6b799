package org.securebase.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.securebase.application.Caller;
import org.securebase.application.lti.PlatformOrigins;
import org.securebase.web.security.Sessions;

/**
 * Security headers on every response. Script sources are governed by PrimeFaces' own CSP header (a per-request
 * nonce, no inline script); this one adds the directives that header lacks. Browsers enforce both. Mapped in
 * web.xml for requests and error dispatches, so error pages the container makes carry the same headers.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final int RESPONSE_BUFFER = 128 * 1024;

    static final String POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Inject
    private PlatformOrigins platforms;

    /**
     * Our own origin, plus the given learning platforms' origins (LTI) for framing and for the form that returns a
     * deep-linking answer to the platform; nobody else.
     */
    static String policy(List<String> origins) {
        if (origins.isEmpty()) {
            return POLICY;
        }
        String others = " " + String.join(" ", origins);
        return "object-src 'none'; base-uri 'self'; form-action 'self'" + others + "; frame-ancestors 'self'" + others;
    }

    /** The platforms of the signed-in person's school; none for anyone else (so only our own pages frame ours). */
    private String policy(HttpServletRequest request) {
        return policy(platforms.origins(Sessions.caller(request).map(Caller::schoolId).orElse(null)));
    }

    /**
     * Lets the launching platform frame this response (an LTI launch, answered before the person's school was
     * known to the filter): replaces the policy the filter set.
     */
    public static void allowFraming(HttpServletResponse response, List<String> origins) {
        response.setHeader("Content-Security-Policy", policy(origins));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            if (!response.containsHeader("X-Content-Type-Options")) {
                headers(response, policy(request), request);
            }
            chain.doFilter(request, response);
            return;
        }
        headers(response, policy(request), request);
        // A buffer large enough for our pages keeps headers open until the end of the request.
        response.setBufferSize(RESPONSE_BUFFER);
        SameSiteSessionRequest wrapped = new SameSiteSessionRequest(request, response);
        wrapped.reissueIfRenamed();
        wrapped.sendVersion();
        chain.doFilter(wrapped, response);
        wrapped.markSameSite();
        wrapped.sendVersion();
    }

    private static String headers(HttpServletResponse response, String policy, HttpServletRequest request) {
        response.addHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (policy.equals(POLICY) && !request.getServletPath().startsWith("/lti/")) {
            // Older browsers' equivalent of frame-ancestors 'self'; with platforms registered, CSP alone decides,
            // and so it does for LTI launches, which the launching platform may frame.
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // No banner: the container names itself only where no Server header is set yet.
        response.setHeader("Server", "");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            // Reflections are private: no shared cache may keep a page.
            response.setHeader("Cache-Control", "no-store");
        }
        return policy;
    }
}
