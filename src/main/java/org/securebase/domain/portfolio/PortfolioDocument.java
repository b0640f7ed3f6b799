package org.securebase.domain.portfolio;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;

/**
 * A portfolio PDF a trainee issued, as its verification code answers for it: who it was issued to, by which school,
 * when, what it contained (titles and version numbers only, never the reflections' text), and the SHA-256 of the
 * exact bytes handed over. Once issued nothing changes but revocation, which only its holder can do.
 */
@Entity
@Table(name = "portfolio_document")
@NamedQuery(name = "PortfolioDocument.byCode", query = "select d from PortfolioDocument d where d.code = :code")
@NamedQuery(name = "PortfolioDocument.ofOwner",
        query = "select d from PortfolioDocument d where d.owner = :owner order by d.issuedAt desc")
@NamedQuery(name = "PortfolioDocument.acceptedReflections",
        query = "select r from Reflection r where r.student = :student"
                + " and r.status = org.securebase.domain.reflection.ReflectionStatus.ACCEPTED order by r.submittedAt")
public class PortfolioDocument {

    public static final int NAME_MAX = 200;

    @Id
    @SequenceGenerator(name = "portfolio_document_seq", sequenceName = "portfolio_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portfolio_document_seq")
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 20, unique = true)
    private String code;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @Column(name = "holder_name", nullable = false, length = NAME_MAX)
    private String holderName;

    @Column(name = "school_name", nullable = false, length = NAME_MAX)
    private String schoolName;

    @Column(nullable = false, length = 35)
    private String locale;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "pdf_sha256", nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private int pages;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portfolio_item", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "item_order")
    private List<PortfolioItem> items = new ArrayList<>();

    protected PortfolioDocument() {
    }

    public PortfolioDocument(Account owner, String code, String holderName, String schoolName, String locale,
            List<PortfolioItem> items, String sha256, int pages, Instant issuedAt) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a portfolio contains something");
        }
        this.owner = owner;
        this.code = code;
        this.holderName = cut(holderName);
        this.schoolName = cut(schoolName);
        this.locale = locale;
        this.items = new ArrayList<>(items);
        this.sha256 = sha256;
        this.pages = pages;
        this.issuedAt = issuedAt;
    }

    private static String cut(String s) {
        return s.length() <= NAME_MAX ? s : s.substring(0, NAME_MAX);
    }

    /** Withdraws the code: the verify page says so from now on. Only the holder may; again changes nothing. */
    public void revoke(Account by, Instant now) {
        if (!isOwnedBy(by)) {
            throw new NotFoundException("portfolio " + code);
        }
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isOwnedBy(Account account) {
        return account != null && owner.getId() != null && owner.getId().equals(account.getId());
    }

    /** Whether these bytes are, exactly, the PDF issued under this code. */
    public boolean matches(String otherSha256) {
        return otherSha256 != null && sha256.equalsIgnoreCase(otherSha256.strip());
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getSchoolName() {
        return schoolName;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getSha256() {
        return sha256;
    }

    public int getPages() {
        return pages;
    }

    public List<PortfolioItem> getItems() {
        return List.copyOf(items);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PortfolioDocument other && id != null && id.equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return PortfolioDocument.class.hashCode();
    }
}
