package org.securebase.domain.reflection;

import org.securebase.domain.account.Account;

/**
 * A student submitted a new version of a reflection (a repeated submit of the same text is no event). Observed,
 * within the same transaction, by what follows from it: the completion posted to the learning platform, the xAPI
 * statement, the tutors' notifications.
 */
public record ReflectionSubmitted(Account student, Reflection reflection, ReflectionVersion version,
        String moduleTitle) {
}
