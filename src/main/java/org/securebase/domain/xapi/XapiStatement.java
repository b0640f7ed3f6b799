package org.securebase.domain.xapi;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.securebase.domain.Delivery;
import org.securebase.domain.school.School;

/**
 * One xAPI statement on its way to the Learning Record Store. Its {@link Delivery} retries an LRS that cannot be
 * reached and marks a statement the LRS refuses as rejected at once, keeping it with the LRS's reason: nothing is
 * lost, and administrators see it.
 */
@Entity
@Table(name = "xapi_statement")
public class XapiStatement {

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Delivery delivery;

    /** The school of the person the statement is about; null for rows older than schools' own views. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    private School school;

    protected XapiStatement() {
    }

    public XapiStatement(School school, String verb, String statementJson, Instant now) {
        this.school = school;
        this.verb = verb;
        this.statementJson = statementJson;
        this.createdAt = now;
        this.delivery = Delivery.dueAt(now);
    }

    public Delivery getDelivery() {
        return delivery;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
