/**
 * Pages under {@code /staff/}, for tutors and school administrators alike: a cohort's self-ratings, picking
 * modules for a platform's deep-linking request, and the cohort list both home pages include.
 */
package org.securebase.web.staff;
