package org.securebase.domain;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ContentVersion;

/**
 * Something one student does on one content file: reading a module, reflecting on it, rating an instrument. It is
 * pinned to the version the student started, so a later edit of the file never changes what they answered.
 */
@MappedSuperclass
public abstract class StudentModuleWork {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account student;

    @ManyToOne(optional = false)
    @JoinColumn(name = "module_version_id")
    private ContentVersion contentVersion;

    @Column(nullable = false, length = ContentVersion.SLUG_MAX)
    private String slug;

    protected StudentModuleWork() {
    }

    protected StudentModuleWork(Account student, ContentVersion contentVersion) {
        this.student = student;
        this.contentVersion = contentVersion;
        this.slug = contentVersion.getSlug();
    }

    public boolean isOwnedBy(Account account) {
        return account != null && student.getId() != null && student.getId().equals(account.getId());
    }

    public Account getStudent() {
        return student;
    }

    public ContentVersion getContentVersion() {
        return contentVersion;
    }

    public String getSlug() {
        return slug;
    }
}
