/**
 * Anonymisation before text is stored for good: {@link org.securebase.application.privacy.AnonymisationCheck} asks
 * the {@link org.securebase.application.privacy.IdentifierFinder} port, whose rules are data in the infrastructure.
 * It advises and stores nothing.
 */
package org.securebase.application.privacy;
