package org.securebase.domain.xapi;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One xAPI statement on its way to the Learning Record Store. An LRS that cannot be reached is tried again with
 * growing pauses; one that rejects the statement (a 4xx answer) marks it rejected at once, keeping the statement
 * and the LRS's reason: nothing is lost, and administrators see it.
 */
@Entity
@Table(name = "xapi_statement")
public class XapiStatement {

    public static final int MAX_ATTEMPTS = 10;

    public enum Status { PENDING, SENT, REJECTED, FAILED }

    @Id
    @SequenceGenerator(name = "xapi_statement_seq", sequenceName = "xapi_statement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "xapi_statement_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "statement_json", nullable = false, length = 20_000)
    private String statementJson;

    @Column(nullable = false, length = 100)
    private String verb;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected XapiStatement() {
    }

    public XapiStatement(String verb, String statementJson, Instant now) {
        this.verb = verb;
        this.statementJson = statementJson;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Records the LRS's answer: 2xx sent; 4xx rejected for good; anything else tried again later. */
    public void answered(int httpStatus, String body, Instant now) {
        attempts++;
        if (httpStatus / 100 == 2) {
            status = Status.SENT;
            sentAt = now;
            lastError = null;
        } else if (httpStatus / 100 == 4 && httpStatus != 401 && httpStatus != 403 && httpStatus != 429) {
            status = Status.REJECTED;
            lastError = trim("HTTP " + httpStatus + ": " + body);
        } else {
            unreachable("HTTP " + httpStatus + ": " + body, now);
        }
    }

    public void unreachable(String error, Instant now) {
        lastError = trim(error);
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(Math.min(3600, 5L << Math.min(Math.max(attempts - 1, 0), 10))));
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    public Long getId() {
        return id;
    }

    public String getStatementJson() {
        return statementJson;
    }

    public String getVerb() {
        return verb;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
