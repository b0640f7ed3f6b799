package org.securebase.application.privacy;

import java.util.List;

/**
 * The port behind the anonymisation check: finds words in free text that may identify a patient or anyone else.
 * The rules are data the infrastructure loads once; the application only asks.
 */
public interface IdentifierFinder {

    /** What a flagged passage probably is; each kind has its own suggested replacement in the page bundles. */
    enum Kind {
        NAME, DATE_OF_BIRTH, DATE, AGE, PHONE, NHS_NUMBER, CPF, CNS, RECORD_NUMBER, POSTCODE, ADDRESS, EMAIL
    }

    /**
     * A likely identifier: the passage from {@code start} (inclusive) to {@code end} (exclusive) of the text, in
     * UTF-16 units as Java and JavaScript count them.
     */
    record Identifier(Kind kind, int start, int end, String text) {
    }

    /** The likely identifiers in the text, in the order they appear, none overlapping another. */
    List<Identifier> find(String text);
}
