/**
 * The authoring studio's pages ({@code /studio/}): the school's library beside the shared one, the module editor
 * ("edit as file", with the validator's problems at their lines), the trainee's preview, the history with a diff,
 * and the administrator's page granting the author right.
 */
package org.securebase.web.studio;
