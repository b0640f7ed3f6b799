/** Pages under {@code /admin/}: a school administrator's programmes, cohorts, enrolment, learning platforms and audit trail. */
package org.securebase.web.admin;
