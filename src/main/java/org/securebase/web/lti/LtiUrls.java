package org.securebase.web.lti;

import jakarta.servlet.http.HttpServletRequest;

/** The addresses a platform is given for this tool, from the address the request came to. */
public final class LtiUrls {

    private LtiUrls() {
    }

    public static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port) + request.getContextPath();
    }

    public static String login(HttpServletRequest request) {
        return base(request) + "/lti/login";
    }

    public static String launch(HttpServletRequest request) {
        return base(request) + "/lti/launch";
    }

    public static String jwks(HttpServletRequest request) {
        return base(request) + "/api/lti/jwks";
    }
}
