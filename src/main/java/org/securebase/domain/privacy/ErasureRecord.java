package org.securebase.domain.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.securebase.domain.account.Account;
import org.securebase.domain.school.School;

/**
 * That an account of a school was erased: by whom, when, its role, the pseudonym that now stands for it in what
 * had to stay, and how many rows of each kind went. Never the erased person's name or address.
 */
@Entity
@Table(name = "erasure_record")
@NamedQuery(name = "ErasureRecord.ofSchool",
        query = "select e from ErasureRecord e left join fetch e.erasedBy where e.school = :school "
                + "order by e.erasedAt desc, e.id desc")
@NamedQuery(name = "ErasureRecord.count", query = "select count(e) from ErasureRecord e")
public class ErasureRecord {

    public static final int COUNTS_MAX = 2000;

    @Id
    @SequenceGenerator(name = "erasure_record_seq", sequenceName = "erasure_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_record_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    private School school;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "erased_by_id")
    private Account erasedBy;

    @Column(nullable = false, length = 100)
    private String pseudonym;

    @Column(name = "erased_role", nullable = false, length = 20)
    private String erasedRole;

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    @Column(nullable = false, length = COUNTS_MAX)
    private String counts;

    protected ErasureRecord() {
    }

    public ErasureRecord(School school, Account erasedBy, String pseudonym, String erasedRole, Instant erasedAt,
            String counts) {
        this.school = school;
        this.erasedBy = erasedBy;
        this.pseudonym = pseudonym;
        this.erasedRole = erasedRole;
        this.erasedAt = erasedAt;
        this.counts = counts.length() > COUNTS_MAX ? counts.substring(0, COUNTS_MAX) : counts;
    }

    public Long getId() {
        return id;
    }

    public Account getErasedBy() {
        return erasedBy;
    }

    public String getPseudonym() {
        return pseudonym;
    }

    public String getErasedRole() {
        return erasedRole;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public String getCounts() {
        return counts;
    }
}
