package org.securebase.domain.reflection;

/** Where a reflection stands. Review states (returned, accepted) arrive with tutor review. */
public enum ReflectionStatus {
    DRAFT, SUBMITTED
}
