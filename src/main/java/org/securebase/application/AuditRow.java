package org.securebase.application;

import java.time.Instant;

/** One read of a reflection by someone other than its author, read by a projection query. */
public record AuditRow(String reader, org.securebase.domain.account.Role readerRole, String student, String moduleTitle, String purpose,
        Instant readAt) {
}
