/**
 * Data rights: a trainee's research consent (an appended history), each school's retention policy, the log of
 * what retention deleted, the record of each erasure, and the {@link org.securebase.domain.privacy.AccountErased}
 * event.
 */
package org.securebase.domain.privacy;
