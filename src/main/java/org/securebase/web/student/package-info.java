/** Pages under {@code /student/}: the curriculum, a case, a reflection, milestones, self-ratings and results. */
package org.securebase.web.student;
