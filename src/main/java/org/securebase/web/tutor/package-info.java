/** Pages under {@code /tutor/}: the review queue and the review of one reflection. */
package org.securebase.web.tutor;
