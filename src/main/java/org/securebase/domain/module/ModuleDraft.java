package org.securebase.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.securebase.domain.account.Account;
import org.securebase.domain.school.School;

/**
 * A module or instrument being written in a school's studio: its file's text as an author last saved it. Every save names
 * the revision it was made on; a save made on an older revision than the stored one is refused with who saved in
 * between, so two authors (or two tabs) never overwrite each other silently. The database's version check backs
 * the same rule for saves that race.
 */
@Entity
@Table(name = "module_draft")
@NamedQuery(name = "ModuleDraft.ofSchool",
        query = "select d from ModuleDraft d where d.school = :school and d.kind = :kind "
                + "order by d.updatedAt desc, d.id")
@NamedQuery(name = "ModuleDraft.bySlug",
        query = "select d from ModuleDraft d where d.school = :school and d.kind = :kind and d.slug = :slug")
public class ModuleDraft {

    @Id
    @SequenceGenerator(name = "module_draft_seq", sequenceName = "module_draft_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_draft_seq")
    private Long id;

    @Version
    private long revision;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    private School school;

    /** {@link ContentVersion#MODULE} or {@link ContentVersion#INSTRUMENT}. */
    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = ContentVersion.SLUG_MAX)
    private String slug;

    @Column(nullable = false, length = ContentVersion.SOURCE_MAX)
    private String source;

    @Column(length = 300)
    private String origin;

    @ManyToOne
    @JoinColumn(name = "created_by")
    private Account createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne
    @JoinColumn(name = "updated_by")
    private Account updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModuleDraft() {
    }

    public ModuleDraft(School school, String slug, String source, String origin, Account by, Instant now) {
        this(ContentVersion.MODULE, school, slug, source, origin, by, now);
    }

    public ModuleDraft(String kind, School school, String slug, String source, String origin, Account by,
            Instant now) {
        this.kind = Objects.requireNonNull(kind);
        this.school = Objects.requireNonNull(school);
        this.slug = Objects.requireNonNull(slug);
        this.source = requireSize(source);
        this.origin = origin;
        this.createdBy = by;
        this.createdAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /**
     * Keeps the author's text, if it was written on the stored revision.
     *
     * @throws DraftConflict when someone saved since; nothing is changed
     */
    public void save(String text, long onRevision, Account by, Instant now) {
        requireRevision(onRevision);
        if (text.equals(source)) {
            return;
        }
        this.source = requireSize(text);
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Refuses to act on an older revision than the stored one. */
    public void requireRevision(long onRevision) {
        if (onRevision != revision) {
            throw new DraftConflict(slug, revision, updatedBy == null ? null : updatedBy.getDisplayName(),
                    updatedAt, source);
        }
    }

    private static String requireSize(String text) {
        if (text == null || text.length() > ContentVersion.SOURCE_MAX) {
            throw new IllegalArgumentException("a module file holds at most " + ContentVersion.SOURCE_MAX
                    + " characters");
        }
        return text;
    }

    public Long getId() {
        return id;
    }

    public long getRevision() {
        return revision;
    }

    public School getSchool() {
        return school;
    }

    public String getKind() {
        return kind;
    }

    public String getSlug() {
        return slug;
    }

    public String getSource() {
        return source;
    }

    public String getOrigin() {
        return origin;
    }

    public Account getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
