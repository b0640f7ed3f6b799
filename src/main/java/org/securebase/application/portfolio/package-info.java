/**
 * The portfolio PDF: what a trainee may put in it (their own accepted reflections, self-ratings, mirror), issuing it
 * under a verification code, the public record of that code and its revocation. Two ports: the web layer composes
 * the words ({@link org.securebase.application.portfolio.PortfolioComposer}), the infrastructure lays out the PDF
 * ({@link org.securebase.application.portfolio.PortfolioWriter}).
 */
package org.securebase.application.portfolio;
