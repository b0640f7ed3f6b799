package org.securebase.domain.reflection;

/**
 * Where a reflection stands: the student drafts it, submits it, a tutor returns it for revision (the student
 * drafts again and submits a new version) or accepts it, which closes it.
 */
public enum ReflectionStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /** Whether the student may write in it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
