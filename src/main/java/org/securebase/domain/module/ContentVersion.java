package org.securebase.domain.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One imported version of a content file (a module or an instrument), kept for good: the source text and its
 * SHA-256 hash. Responses refer to the version they answered, so editing a file never changes what a trainee saw
 * or rated. Only the {@code current} flag ever changes.
 */
@Entity
@Table(name = "module_version")
@NamedQuery(name = "ContentVersion.current",
        query = "select v from ContentVersion v where v.kind = :kind and v.current = true order by v.title")
@NamedQuery(name = "ContentVersion.bySlug",
        query = "select v from ContentVersion v where v.kind = :kind and v.slug = :slug order by v.versionNumber desc")
@NamedQuery(name = "ContentVersion.currentBySlug",
        query = "select v from ContentVersion v where v.kind = :kind and v.slug = :slug and v.current = true")
public class ContentVersion {

    public static final int SLUG_MAX = 100;
    public static final String MODULE = "module";
    public static final String INSTRUMENT = "instrument";
    public static final int SOURCE_MAX = 1_000_000;

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

    protected ContentVersion() {
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

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContentVersion other && Objects.equals(kind, other.getKind())
                && Objects.equals(slug, other.getSlug()) && Objects.equals(contentHash, other.getContentHash()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, slug, contentHash);
    }
}
