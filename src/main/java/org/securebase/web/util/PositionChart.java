package org.securebase.web.util;

import java.util.Locale;
import java.util.Map;

/**
 * Where a rating places a person on two subscales, as inline SVG drawn on the server (no script, prints, strict
 * content security policy): a point with its 95 % interval on each axis, a shaded band around the midpoint where
 * the answers say "near the middle" rather than one side, and the four styles written in their corners, so no hard
 * line turns a 0.1-point difference into another label.
 */
public final class PositionChart {

    private static final int SIZE = 360;
    private static final int PAD = 48;

    private PositionChart() {
    }

    /**
     * @param label what the chart shows, read by screen readers (the numbers are also in the table beside it)
     * @param corners the styles by corner key ("low-low", "high-low", "low-high", "high-high": x first)
     * @param band half the width of the "near the middle" band, in scale points
     */
    public static String svg(String label, String xTitle, String yTitle, double min, double max, double midpoint,
            double band, Map<String, String> corners, double x, double xError, double y, double yError) {
        double plot = SIZE - 2 * PAD;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart position-chart\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#fff\" "
                + "stroke=\"#9aa5b1\"/>", PAD, PAD, plot, plot));
        double bandLow = px(midpoint - band, min, max, plot);
        double bandHigh = px(midpoint + band, min, max, plot);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"#e6eef5\"/>", bandLow, PAD, bandHigh - bandLow, plot));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"#e6eef5\"/>", PAD, py(midpoint + band, min, max, plot), plot, bandHigh - bandLow));
        double mx = px(midpoint, min, max, plot);
        double my = py(midpoint, min, max, plot);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#9aa5b1\" "
                + "stroke-dasharray=\"4 4\"/>", mx, mx, PAD, PAD + plot));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa5b1\" "
                + "stroke-dasharray=\"4 4\"/>", PAD, PAD + plot, my, my));
        corner(svg, corners.get("low-low"), PAD + 6, PAD + plot - 8, "start");
        corner(svg, corners.get("high-low"), PAD + plot - 6, PAD + plot - 8, "end");
        corner(svg, corners.get("low-high"), PAD + 6, PAD + 16, "start");
        corner(svg, corners.get("high-high"), PAD + plot - 6, PAD + 16, "end");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                + "fill=\"#323f4b\">%s →</text>", PAD + plot / 2, SIZE - 12, Html.escape(xTitle)));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" "
                + "fill=\"#323f4b\" transform=\"rotate(-90 14 %.1f)\">%s →</text>", PAD + plot / 2, PAD + plot / 2,
                Html.escape(yTitle)));
        double cx = px(x, min, max, plot);
        double cy = py(y, min, max, plot);
        double ex = 1.96 * xError * plot / (max - min);
        double ey = 1.96 * yError * plot / (max - min);
        svg.append(
                String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d5c63\" "
                        + "stroke-width=\"2\"/>", clamp(cx - ex, plot), clamp(cx + ex, plot), cy, cy));
        svg.append(
                String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d5c63\" "
                        + "stroke-width=\"2\"/>", cx, cx, clamp(cy - ey, plot), clamp(cy + ey, plot)));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#1d5c63\"/>", cx, cy));
        svg.append("</svg>");
        return svg.toString();
    }

    private static void corner(StringBuilder svg, String text, double x, double y, String anchor) {
        if (text != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\" "
                    + "fill=\"#52606d\">%s</text>", x, y, anchor, Html.escape(text)));
        }
    }

    private static double px(double value, double min, double max, double plot) {
        return PAD + plot * (value - min) / (max - min);
    }

    private static double py(double value, double min, double max, double plot) {
        return PAD + plot * (1 - (value - min) / (max - min));
    }

    private static double clamp(double v, double plot) {
        return Math.max(PAD, Math.min(PAD + plot, v));
    }
}
