package org.securebase.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;

/** The audit trail: someone other than the author opened a reflection. Rows are only ever added. */
@Entity
@Table(name = "reflection_read")
public class ReflectionRead {

    @Id
    @SequenceGenerator(name = "reflection_read_seq", sequenceName = "reflection_read_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reflection_read_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Reflection reflection;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account reader;

    @Column(nullable = false, length = 40)
    private String purpose;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected ReflectionRead() {
    }

    public ReflectionRead(Reflection reflection, Account reader, String purpose, Instant now) {
        this.reflection = reflection;
        this.reader = reader;
        this.purpose = purpose;
        this.readAt = now;
    }

    public Reflection getReflection() {
        return reflection;
    }

    public Account getReader() {
        return reader;
    }

    public String getPurpose() {
        return purpose;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
