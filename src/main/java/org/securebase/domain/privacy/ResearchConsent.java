package org.securebase.domain.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.securebase.domain.account.Account;

/**
 * One decision of a trainee about research use of their self-ratings: yes or no, and when. Decisions are appended,
 * never changed; the latest one counts. No decision at all means "not asked yet" (and not included).
 */
@Entity
@Table(name = "research_consent")
@NamedQuery(name = "ResearchConsent.history",
        query = "select c from ResearchConsent c where c.account = :account order by c.decidedAt desc, c.id desc")
@NamedQuery(name = "ResearchConsent.consentingAmong",
        query = "select c.account.id from ResearchConsent c where c.account.id in :ids and c.consented = true "
                + "and c.decidedAt = (select max(d.decidedAt) from ResearchConsent d where d.account = c.account)")
public class ResearchConsent {

    @Id
    @SequenceGenerator(name = "research_consent_seq", sequenceName = "research_consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "research_consent_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account account;

    @Column(nullable = false)
    private boolean consented;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected ResearchConsent() {
    }

    public ResearchConsent(Account account, boolean consented, Instant now) {
        this.account = Objects.requireNonNull(account);
        this.consented = consented;
        this.decidedAt = Objects.requireNonNull(now);
    }

    public Long getId() {
        return id;
    }

    public boolean isConsented() {
        return consented;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
