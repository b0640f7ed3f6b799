package org.securebase.application;

import java.time.Instant;
import org.securebase.domain.account.Role;

/** One read of a reflection by someone other than its author, read by a projection query. */
public record AuditRow(String reader, Role readerRole, String student, String moduleTitle, String purpose,
        Instant readAt) {
}
