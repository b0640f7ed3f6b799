package org.securebase.domain.balint;

/** A member left a group: whatever they have open of it must stop receiving at once. */
public record BalintMemberLeft(long groupId, long accountId) {
}
