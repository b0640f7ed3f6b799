package org.securebase.domain.lti;

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

/** Where a student's result for one module goes: the platform's line item named by their launch. */
@Entity
@Table(name = "lti_grade_link")
public class GradeLink {

    @Id
    @SequenceGenerator(name = "lti_grade_link_seq", sequenceName = "lti_grade_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_grade_link_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Account account;

    @Column(nullable = false, length = 100)
    private String slug;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private LtiPlatform platform;

    @Column(name = "lineitem_url", length = 1000)
    private String lineitemUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GradeLink() {
    }

    public GradeLink(Account account, String slug, LtiPlatform platform, String lineitemUrl, Instant now) {
        this.account = account;
        this.slug = slug;
        this.platform = platform;
        this.lineitemUrl = lineitemUrl;
        this.createdAt = now;
    }

    /** The line item the latest launch named; a launch without one leaves an earlier one in place. */
    public void pointTo(String lineitem) {
        if (lineitem != null) {
            this.lineitemUrl = lineitem;
        }
    }

    public Account getAccount() {
        return account;
    }

    public LtiPlatform getPlatform() {
        return platform;
    }

    public String getLineitemUrl() {
        return lineitemUrl;
    }

    public String getSlug() {
        return slug;
    }
}
