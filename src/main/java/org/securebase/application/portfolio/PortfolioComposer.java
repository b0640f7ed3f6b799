package org.securebase.application.portfolio;

/**
 * Turns what a trainee chose into the document's words, in their language: implemented by the web layer, which owns
 * the texts and the address of the public verify page.
 */
public interface PortfolioComposer {

    PortfolioWriter.Portfolio compose(PortfolioContent content);
}
