package org.securebase.infrastructure.scoring;

/** CSV cells that are safe to open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @, tab, return first) gets a leading apostrophe. */
    public static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
