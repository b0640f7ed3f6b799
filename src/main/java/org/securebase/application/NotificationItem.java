package org.securebase.application;

import java.time.Instant;
import org.securebase.domain.review.Notification;

/** One notification as the inbox shows it, read by a projection query. */
public record NotificationItem(Long id, Notification.Kind kind, Long reflectionId, String subject, Instant createdAt,
        Boolean unread, Long balintSessionId, String link) {
}
