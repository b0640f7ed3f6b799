package org.securebase.web.util;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cohort's charts as inline SVG drawn on the server, like {@link LineChart}: histograms of a subscale at each
 * milestone side by side, and mean changes with their confidence intervals against a zero line. The tables beside
 * them carry the same numbers for screen readers.
 */
public final class CohortCharts {

    private static final String BAR = "#1d5c63";
    private static final String GRID = "#d9e2ec";
    private static final String INK = "#52606d";

    private CohortCharts() {
    }

    /** One panel of a histogram: its title and its bin counts, or empty when too few answered to show. */
    public record Panel(String title, Optional<int[]> bins, Optional<Double> mean) {
    }

    /**
     * @param binLabels a label under each bin (the same for every panel)
     * @param low the lowest possible score, at the left edge of the first bin
     * @param high the highest possible score, at the right edge of the last bin
     * @param tooFew the text shown in a panel with nothing to show
     */
    public static String histograms(String label, List<Panel> panels, List<String> binLabels, double low,
            double high, String tooFew) {
        int panelWidth = 220;
        int plotHeight = 110;
        int top = 34;
        int width = panelWidth + 10;
        int height = top + plotHeight + 34;
        StringBuilder all = new StringBuilder("<div class=\"histograms\" role=\"group\" aria-label=\"")
                .append(Html.escape(label)).append("\">");
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int x0 = 5;
            StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart histogram\" "
                    + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height,
                    Html.escape(label + ": " + panel.title())));
            List<String> title = LineChart.wrap(panel.title(), 36);
            for (int l = 0; l < title.size(); l++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1f2933\">%s"
                        + "</text>", x0, 12 + 13 * l, Html.escape(title.get(l))));
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>", x0,
                    x0 + panelWidth, top + plotHeight, top + plotHeight, GRID));
            if (panel.bins().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
                        x0 + 4, top + plotHeight / 2, INK, Html.escape(tooFew)));
                all.append(svg).append("</svg>");
                continue;
            }
            int[] bins = panel.bins().get();
            int max = 1;
            for (int b : bins) {
                max = Math.max(max, b);
            }
            double barWidth = (double) panelWidth / bins.length;
            for (int b = 0; b < bins.length; b++) {
                double h = plotHeight * bins[b] / (double) max;
                double bx = x0 + b * barWidth;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s: %d</title></rect>", bx + 2, top + plotHeight - h, barWidth - 4, h,
                        BAR, Html.escape(binLabels.get(b)), bins[b]));
                if (bins[b] > 0) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                            + "text-anchor=\"middle\" fill=\"%s\">%d</text>", bx + barWidth / 2,
                            top + plotHeight - h - 3, INK, bins[b]));
                }
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\" "
                                + "fill=\"%s\">%s</text>",
                        bx + barWidth / 2, top + plotHeight + 13, INK,
                        Html.escape(binLabels.get(b))));
            }
            panel.mean().ifPresent(m -> {
                double mx = x0 + panelWidth * (m - low) / (high - low);
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#a0522d\" "
                                + "stroke-width=\"2\" stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                                + "text-anchor=\"middle\" fill=\"#a0522d\">%s</text>",
                        mx, mx, top - 4, top + plotHeight, mx,
                        top + plotHeight + 28, "x̄ " + String.format(Locale.ROOT, "%.2f", m)));
            });
            all.append(svg).append("</svg>");
        }
        return all.append("</div>").toString();
    }

    /** One row of a change chart: a mean change with its 95 % interval, or empty when not shown. */
    public record Change(String title, Optional<double[]> meanLowHigh) {
    }

    /** Mean changes as points with interval whiskers around a zero line, over [-span, span]. */
    public static String changes(String label, List<Change> rows, double span, String tooFew) {
        int width = 640;
        int left = 250;
        int right = 30;
        int rowHeight = 28;
        int top = 10;
        int height = top + rows.size() * rowHeight + 30;
        double plot = width - left - right;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\">", width, height, Html.escape(label)));
        double zero = left + plot / 2;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
                zero, zero, top, top + rows.size() * rowHeight, INK));
        for (double tick : new double[] {-span, -span / 2, 0, span / 2, span}) {
            double tx = left + plot * (tick + span) / (2 * span);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
                    + "fill=\"%s\">%s</text>", tx, top + rows.size() * rowHeight + 16, INK,
                    (tick > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", tick)));
        }
        for (int r = 0; r < rows.size(); r++) {
            Change row = rows.get(r);
            int y = top + r * rowHeight + rowHeight / 2;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" "
                    + "fill=\"#1f2933\">%s</text>", left - 10, y + 4, Html.escape(shorten(row.title(), 36))));
            if (row.meanLowHigh().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
                        left + 6, y + 4, INK, Html.escape(tooFew)));
                continue;
            }
            double[] v = row.meanLowHigh().get();
            double x = position(v[0], span, left, plot);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"/>",
                    position(v[1], span, left, plot), position(v[2], span, left, plot), y, y, BAR, x, y, BAR));
        }
        return svg.append("</svg>").toString();
    }

    private static double position(double value, double span, int left, double plot) {
        double clamped = Math.max(-span, Math.min(span, value));
        return left + plot * (clamped + span) / (2 * span);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
