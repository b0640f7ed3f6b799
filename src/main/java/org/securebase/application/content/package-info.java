/**
 * The content catalogue: the one way pages and services find a module, instrument, rubric or curriculum. Behind
 * it, the {@link org.securebase.application.content.ContentLibrary} port that infrastructure implements (today
 * the {@code content/} folders; the authoring studio will add each school's library behind the same seam).
 */
package org.securebase.application.content;
