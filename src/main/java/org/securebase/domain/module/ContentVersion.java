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
import java.time.Instant;
import java.util.Objects;
import org.securebase.domain.account.Account;
import org.securebase.domain.school.School;

/**
 * One imported version of a content file (a module or an instrument), kept for good: the source text and its
 * SHA-256 hash. Responses refer to the version they answered, so editing a file never changes what a trainee saw
 * or rated. Only the {@code current} flag ever changes.
 * <p>
 * A version belongs to a library: the shared one (the {@code content/} folders, no school) or one school's (written
 * in the studio, seen only by that school's people). A school's module never takes a shared module's slug.
 */
@Entity
@Table(name = "module_version")
@NamedQuery(name = "ContentVersion.currentShared",
        query = "select v from ContentVersion v where v.kind = :kind and v.current = true and v.school is null "
                + "order by v.title")
@NamedQuery(name = "ContentVersion.currentFor",
        query = "select v from ContentVersion v where v.kind = :kind and v.current = true and (v.school is null "
                + "or v.school = :school) order by v.title")
@NamedQuery(name = "ContentVersion.bySlug",
        query = "select v from ContentVersion v where v.kind = :kind and v.library = :library and v.slug = :slug "
                + "order by v.versionNumber desc")
@NamedQuery(name = "ContentVersion.currentBySlugFor",
        query = "select v from ContentVersion v where v.kind = :kind and v.slug = :slug and v.current = true "
                + "and (v.school is null or v.school = :school) order by v.library desc")
@NamedQuery(name = "ContentVersion.slugsOfSchool",
        query = "select distinct v.slug from ContentVersion v where v.kind = :kind and v.school = :school")
public class ContentVersion {

    public static final int SLUG_MAX = 100;
    public static final String MODULE = "module";
    public static final String INSTRUMENT = "instrument";
    public static final int SOURCE_MAX = 1_000_000;
    public static final String SHARED = "shared";

    @Id
    @SequenceGenerator(name = "module_version_seq", sequenceName = "module_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_version_seq")
    private Long id;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(nullable = false, length = SLUG_MAX)
    private String slug;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "source_file", nullable = false, length = 500)
    private String sourceFile;

    @Column(nullable = false, length = SOURCE_MAX)
    private String source;

    @Column(name = "is_current", nullable = false)
    private boolean current;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    /** The school whose library this version is in; none for the shared library. */
    @ManyToOne
    @JoinColumn(name = "school_id")
    private School school;

    /** {@value #SHARED}, or {@code school-<id>}: what version numbers and hashes are unique within. */
    @Column(nullable = false, length = 40)
    private String library = SHARED;

    /** Who published it in the studio; none for what the importer read from the shared folders. */
    @ManyToOne
    @JoinColumn(name = "published_by")
    private Account publishedBy;

    /** Where an adapted module came from: the shared module's slug and version it was copied from. */
    @Column(length = 300)
    private String origin;

    protected ContentVersion() {
    }

    /** A version an author published in a school's library: current from now on. */
    public static ContentVersion published(String kind, School school, String slug, int versionNumber, String hash,
            String title, String source, String origin, Account by, Instant now) {
        ContentVersion v = new ContentVersion(kind, slug, versionNumber, hash, title, slug + ".yaml", source, now);
        v.school = Objects.requireNonNull(school);
        v.library = libraryOf(school);
        v.publishedBy = by;
        v.origin = origin;
        return v;
    }

    /** The library key of a school ({@code school-<id>}), or of the shared library for none. */
    public static String libraryOf(School school) {
        return school == null ? SHARED : "school-" + school.getId();
    }

    /** Whether the asker's school may see this version: shared, or of their school. */
    public boolean visibleTo(School asker) {
        return school == null || school.equals(asker);
    }

    public ContentVersion(String kind, String slug, int versionNumber, String contentHash, String title,
            String sourceFile,
            String source, Instant importedAt) {
        this.kind = kind;
        this.slug = slug;
        this.versionNumber = versionNumber;
        this.contentHash = contentHash;
        this.title = title;
        this.sourceFile = sourceFile;
        this.source = source;
        this.importedAt = importedAt;
        this.current = true;
    }

    public void makeCurrent(boolean current) {
        this.current = current;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getSlug() {
        return slug;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getTitle() {
        return title;
    }

    public String getSourceFile() {
        return sourceFile;
    }

    public String getSource() {
        return source;
    }

    public boolean isCurrent() {
        return current;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public School getSchool() {
        return school;
    }

    /** {@link #SHARED}, or the school's library ({@link #libraryOf(School)}). */
    public String getLibrary() {
        return library;
    }

    public boolean isShared() {
        return school == null;
    }

    public Account getPublishedBy() {
        return publishedBy;
    }

    public String getOrigin() {
        return origin;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContentVersion other && Objects.equals(kind, other.getKind())
                && Objects.equals(library, other.library) && Objects.equals(slug, other.getSlug())
                && Objects.equals(contentHash, other.getContentHash()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, library, slug, contentHash);
    }
}
