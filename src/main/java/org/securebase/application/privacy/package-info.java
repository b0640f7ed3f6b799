/**
 * Data rights: a person's copy of all their data ({@link org.securebase.application.privacy.DataExportService}),
 * an administrator's erasure of an account ({@link org.securebase.application.privacy.ErasureService}), each
 * school's retention and its timer ({@link org.securebase.application.privacy.RetentionService}), and research
 * consent ({@link org.securebase.application.privacy.ConsentService}). Other capabilities add their own rows
 * through the events {@link org.securebase.application.privacy.PersonalData} (export),
 * {@link org.securebase.application.privacy.ErasingAccount} (erase) and
 * {@link org.securebase.application.privacy.RetentionSweep} (retention).
 * <p>
 * Anonymisation before text is stored for good: {@link org.securebase.application.privacy.AnonymisationCheck} asks
 * the {@link org.securebase.application.privacy.IdentifierFinder} port, whose rules are data in the infrastructure.
 * It advises and stores nothing.
 */
package org.securebase.application.privacy;
