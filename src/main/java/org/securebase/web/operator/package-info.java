/** Pages of the installation's operator: what spans schools, never a school's people or reflections. */
package org.securebase.web.operator;
