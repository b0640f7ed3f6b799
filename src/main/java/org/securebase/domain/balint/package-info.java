/**
 * Balint groups: a group with a leader and members, its sessions in five phases, the posts and drafts. The phase
 * rules (who may write when) are methods of {@link org.securebase.domain.balint.BalintSession}.
 */
package org.securebase.domain.balint;
