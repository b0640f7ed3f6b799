package org.securebase.application;

import java.time.Instant;
import org.securebase.domain.Delivery;

/** One message of the mail outbox as a school's administrator sees it, read by a projection query. */
public record MailRow(String recipient, String subject, Delivery.Status status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {
}
