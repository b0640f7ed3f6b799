package org.securebase.domain.privacy;

import java.util.Map;

/**
 * An account was erased (fired after its rows are gone, in the same transaction): the school, the erasure record,
 * the pseudonym that stands for the person in what stayed, and the counts of what went.
 */
public record AccountErased(long schoolId, long erasureRecordId, String pseudonym, Map<String, Long> counts) {
}
