/**
 * The LTI 1.3 endpoints as servlets ({@code /lti/login}, {@code /lti/launch}, {@code /lti/continue}), the pages they
 * answer with, and the addresses a platform is given and a launch lands on.
 */
package org.securebase.web.lti;
