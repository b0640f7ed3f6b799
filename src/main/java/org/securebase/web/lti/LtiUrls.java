package org.securebase.web.lti;

import jakarta.servlet.http.HttpServletRequest;
import org.securebase.application.lti.Landing;

/** The addresses a platform is given for this tool, from the address the request came to, and where launches land. */
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

    /** The page a launch lands on, within the application. */
    public static String landing(Landing landing) {
        return switch (landing.place()) {
            case MODULE -> "/student/module.xhtml?module=" + landing.module();
            case STUDENT_HOME -> "/student/index.xhtml";
            case TUTOR_HOME -> "/tutor/index.xhtml";
            case ADMIN_HOME -> "/admin/index.xhtml";
            case DEEP_LINK -> "/staff/deep-link.xhtml";
        };
    }
}
