package org.securebase.application;

/** One cohort with its number of students, read by a single projection query. */
public record CohortSummary(Long id, String name, String school, String programme, String curriculum, long students) {
}
