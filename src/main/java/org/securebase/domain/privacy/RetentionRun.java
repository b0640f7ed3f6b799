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
import org.securebase.domain.school.School;

/** What one run of retention deleted in one school, for its administrator to see. Rows are only added. */
@Entity
@Table(name = "retention_run")
@NamedQuery(name = "RetentionRun.ofSchool",
        query = "select r from RetentionRun r where r.school = :school order by r.ranAt desc, r.id desc")
public class RetentionRun {

    public static final int DETAIL_MAX = 2000;

    @Id
    @SequenceGenerator(name = "retention_run_seq", sequenceName = "retention_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_run_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "school_id")
    private School school;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(name = "reflections_deleted", nullable = false)
    private int reflectionsDeleted;

    @Column(name = "balint_deleted", nullable = false)
    private int balintDeleted;

    @Column(nullable = false, length = DETAIL_MAX)
    private String detail;

    protected RetentionRun() {
    }

    public RetentionRun(School school, Instant ranAt, int reflectionsDeleted, int balintDeleted, String detail) {
        this.school = school;
        this.ranAt = ranAt;
        this.reflectionsDeleted = reflectionsDeleted;
        this.balintDeleted = balintDeleted;
        this.detail = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
    }

    public Instant getRanAt() {
        return ranAt;
    }

    public int getReflectionsDeleted() {
        return reflectionsDeleted;
    }

    public int getBalintDeleted() {
        return balintDeleted;
    }

    public String getDetail() {
        return detail;
    }
}
