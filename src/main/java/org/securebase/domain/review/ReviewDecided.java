package org.securebase.domain.review;

import org.securebase.domain.account.Account;
import org.securebase.domain.reflection.Reflection;

/**
 * A tutor accepted or returned a reflection. {@code score} and {@code scoreMaximum} are the rubric level's rank
 * and the number of levels, for an accepted one; both null for a returned one. Observed in the same transaction by
 * the grade passback, the xAPI statement and the student's notification.
 */
public record ReviewDecided(Account student, Reflection reflection, Review.Decision decision, Integer score,
        Integer scoreMaximum, String moduleTitle) {

    public boolean accepted() {
        return decision == Review.Decision.ACCEPTED;
    }
}
