package org.securebase.domain;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleVersion;

/**
 * Something one student does on one module: reading it, reflecting on it. It is pinned to the module version the
 * student started, so a later edit of the module never changes what they answered.
 */
@MappedSuperclass
public abstract class StudentModuleWork {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    private Account student;

    @ManyToOne(optional = false)
    @JoinColumn(name = "module_version_id")
    private ModuleVersion moduleVersion;

    @Column(nullable = false, length = ModuleVersion.SLUG_MAX)
    private String slug;

    protected StudentModuleWork() {
    }

    protected StudentModuleWork(Account student, ModuleVersion moduleVersion) {
        this.student = student;
        this.moduleVersion = moduleVersion;
        this.slug = moduleVersion.getSlug();
    }

    public boolean isOwnedBy(Account account) {
        return account != null && student.getId() != null && student.getId().equals(account.getId());
    }

    public Account getStudent() {
        return student;
    }

    public ModuleVersion getModuleVersion() {
        return moduleVersion;
    }

    public String getSlug() {
        return slug;
    }
}
