/**
 * Balint groups: the service that seats people in sessions and enforces who may read and write, the notifications
 * of a new phase, the retention timer. Nothing here reaches grades, xAPI, exports or the research CSV.
 */
package org.securebase.application.balint;
