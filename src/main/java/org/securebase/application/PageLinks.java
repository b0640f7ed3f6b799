package org.securebase.application;

/**
 * Addresses of pages that mail links to. The application says what a link is for; the web layer, which owns the
 * pages, says where it points (see {@code web.WebPageLinks}).
 */
public interface PageLinks {

    /** The student's own reflection, with its feedback. */
    String reflection(long reflectionId);

    /** The tutor's review of a reflection. */
    String review(long reflectionId);

    /** A Balint session, for the people in its group. */
    String balintSession(long sessionId);

    /** Setting a password from an invitation. */
    String invitation(String token);

    /** Signing in with a one-time link. */
    String signInLink(String token);

    /** A step of a student's plan, relative to the application (for in-app links): a module or a milestone. */
    default String planStepPath(String module, String curriculum, String milestone) {
        return module != null ? "/student/module.xhtml?module=" + java.net.URLEncoder.encode(module,
                java.nio.charset.StandardCharsets.UTF_8) : "/student/milestone.xhtml?c=" + curriculum + "&milestone="
                        + milestone;
    }

    /** The same page under the installation's public address (for mail). */
    String absolute(String path);
}
