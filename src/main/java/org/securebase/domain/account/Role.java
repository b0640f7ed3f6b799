package org.securebase.domain.account;

/**
 * What a person does on the platform. Students, tutors and school administrators belong to one school; the
 * installation's operator belongs to none and looks after what spans schools (the tool's signing keys, delivery
 * queues), never a school's people or reflections.
 */
public enum Role {
    STUDENT, TUTOR, SCHOOL_ADMIN, OPERATOR;

    public static final String STUDENT_NAME = "STUDENT";
    public static final String TUTOR_NAME = "TUTOR";
    public static final String SCHOOL_ADMIN_NAME = "SCHOOL_ADMIN";
    public static final String OPERATOR_NAME = "OPERATOR";
}
