package org.securebase.domain.account;

/** What a person does on the platform; each maps to a container security role of the same name. */
public enum Role {
    STUDENT, TUTOR, SCHOOL_ADMIN;

    public static final String STUDENT_NAME = "STUDENT";
    public static final String TUTOR_NAME = "TUTOR";
    public static final String SCHOOL_ADMIN_NAME = "SCHOOL_ADMIN";
}
