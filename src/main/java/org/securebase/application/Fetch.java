package org.securebase.application;

/**
 * EclipseLink's query hints for reading what a page shows in a fixed number of queries, never by touching lazy
 * relations later (STYLE.md: fetch what a page shows in one go). Each takes a path from the query's alias.
 */
public final class Fetch {

    /** The relation read in the same query, by an outer join ({@code r.comments}, {@code r.comments.author}). */
    public static final String JOIN = "eclipselink.left-join-fetch";

    /** The relation of every result read in one more query ({@code IN} on the results' keys). */
    public static final String BATCH = "eclipselink.batch";

    private Fetch() {
    }
}
