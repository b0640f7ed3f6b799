package org.securebase.domain.account;

/**
 * Why a sign-in through a school's identity provider let nobody in. Each has a page text
 * ({@code signin.refused.REASON}); none creates an account.
 */
public enum SignInRefusal {
    /** The provider vouches for someone the school has not enrolled, and the school creates no accounts. */
    NOT_ENROLLED,
    /** The address matches an account, but the provider does not say it verified it. */
    EMAIL_NOT_VERIFIED,
    /** The account is switched off. */
    DISABLED,
    /** The school's account already belongs to another identity of this provider. */
    LINKED_ELSEWHERE,
    /** No sign-in of this browser waits for this answer: it was used already, expired, or never began here. */
    STATE,
    /** The provider could not be reached, refused, or sent a token that is not valid for us. */
    PROVIDER,
    /** No such registration (or no longer). */
    UNKNOWN_PROVIDER
}
