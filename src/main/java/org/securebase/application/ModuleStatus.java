package org.securebase.application;

/** Where a student stands with one module, as the curriculum list shows it. */
public enum ModuleStatus {
    NOT_STARTED, IN_PROGRESS, SUBMITTED, RETURNED, ACCEPTED
}
