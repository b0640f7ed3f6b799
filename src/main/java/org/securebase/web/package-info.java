/**
 * Faces backing beans and servlet plumbing. Packages mirror URLs ({@code /student/module.xhtml} →
 * {@code web.student.ModuleBacking}). Beans are small: load in {@code @PostConstruct}, trivial getters, one
 * service call per action. No business rules here.
 */
package org.securebase.web;
