package org.securebase.domain.instrument;

import org.securebase.domain.account.Account;

/** A student submitted a self-rating at a milestone of a curriculum; observed by the xAPI statement. */
public record SelfRatingSubmitted(Account student, String curriculum, String milestone, String instrument,
        String instrumentTitle) {
}
