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
}
