package org.securebase.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of something we send to another system (a grade to a learning platform, a statement to a Learning
 * Record Store, a mail to the SMTP server): waiting, sent, rejected (the other side refused it: trying again would not help), or failed
 * (unreachable {@value #MAX_ATTEMPTS} times). Retries come after 5 s, 10 s, 20 s, … at most an hour apart. The
 * item itself is always kept, with the last reason.
 */
@Embeddable
public class Delivery {

    public static final int MAX_ATTEMPTS = 8;
    public static final int ERROR_MAX = 1000;

    public enum Status { PENDING, SENT, REJECTED, FAILED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Delivery() {
    }

    public static Delivery dueAt(Instant now) {
        Delivery delivery = new Delivery();
        delivery.nextAttemptAt = now;
        return delivery;
    }

    /** The other side's HTTP answer: 2xx sent; a 4xx other than 401, 403 or 429 rejected; else try again. */
    public void answered(int httpStatus, String body, Instant now) {
        if (httpStatus / 100 == 2) {
            attempts++;
            status = Status.SENT;
            sentAt = now;
            lastError = null;
        } else if (httpStatus / 100 == 4 && httpStatus != 401 && httpStatus != 403 && httpStatus != 429) {
            attempts++;
            status = Status.REJECTED;
            lastError = trim("HTTP " + httpStatus + ": " + body);
        } else {
            unreachable("HTTP " + httpStatus + ": " + body, now);
        }
    }

    /** Taken by the other side without an HTTP answer (an SMTP server accepting a message). */
    public void delivered(Instant now) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    /** Refused for good (an address no server will take): trying again would not help. */
    public void refused(String reason) {
        attempts++;
        status = Status.REJECTED;
        lastError = trim(reason);
    }

    /** A failed attempt: pause and try again, or give up after {@value #MAX_ATTEMPTS}. */
    public void unreachable(String error, Instant now) {
        attempts++;
        lastError = trim(error);
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts - 1, 10))));
        }
    }

    /** Waiting, and its next attempt has come: what a sender may send now. */
    public boolean isDue(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now);
    }

    private static String trim(String s) {
        return s == null || s.length() <= ERROR_MAX ? s : s.substring(0, ERROR_MAX);
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
