package org.securebase.domain.balint;

import java.io.Serializable;

/** A member left a group: whatever they have open of it must stop receiving at once. */
public record BalintMemberLeft(long groupId, long accountId) implements Serializable {
}
