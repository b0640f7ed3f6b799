package org.securebase.application.portfolio;

import java.util.List;

/**
 * The port the PDF library sits behind: it lays out a document the web layer composed in the reader's language and
 * returns the bytes. Everything here is plain text and numbers, so the writer needs nothing else from the
 * application; the text stays real text in the PDF (searchable, copyable), and charts are drawn as vectors.
 */
public interface PortfolioWriter {

    /**
     * @param language BCP 47 tag of the text, set as the document's language
     * @param pageOf the footer's page pattern, {0} this page and {1} the count
     * @param footer the footer's other text (the school and the verification code)
     */
    record Portfolio(String language, String title, String author, Cover cover, String contentsHeading,
            List<Section> sections, String pageOf, String footer) {
    }

    /** The first page: title, to whom and by whom, and how to verify. */
    record Cover(String title, List<String> lines, String verificationHeading, String code, String verifyUrl,
            String verificationNote) {
    }

    /** A part that starts on a new page and has a line in the contents. */
    record Section(String heading, List<Block> blocks) {
    }

    sealed interface Block {
    }

    record Subheading(String text) implements Block {
    }

    /** Body text; blank lines separate paragraphs. */
    record Text(String text) implements Block {
    }

    /** Smaller, quieter text: dates, who decided. */
    record Note(String text) implements Block {
    }

    /** A passage quoted from the text, with what was said about it. */
    record Quote(String quote, String comment) implements Block {
    }

    /** What someone said, under a label that says who or what it is (not a quotation of the text). */
    record Comment(String label, String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    /**
     * A line chart: one line per series over the columns, on a scale from min to max; a null value is no point.
     */
    record Chart(String title, List<String> columns, List<Series> series, double min, double max) implements Block {
    }

    record Series(String name, List<Double> values) {
    }

    record Written(byte[] bytes, int pages) {
    }

    Written write(Portfolio portfolio);
}
