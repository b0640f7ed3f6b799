package org.securebase.web.util;

/** Page numbers from the address bar: anything below 1 is page 1, and no page number can overflow an offset. */
public final class Paging {

    private Paging() {
    }

    /** Beyond any real list; the database still adds a page's size to the offset without overflowing. */
    static final int LAST_PAGE = 1_000_000;

    /** The first row of a page (1-based), as the database is asked for it; never negative, never overflowing. */
    public static int offset(int page, int size) {
        return (Math.min(Math.max(1, page), LAST_PAGE) - 1) * size;
    }

    /** The page asked for in the address bar: missing or below 1 is page 1. */
    public static int page(Integer asked) {
        return asked == null || asked < 1 ? 1 : asked;
    }

    /** How many pages {@code total} rows fill, {@code size} a page; at least one (an empty list is one page). */
    public static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
