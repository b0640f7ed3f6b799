package org.securebase.application;

/** A school's programme, for lists and choices. */
public record ProgrammeSummary(Long id, String name) {
}
