package org.securebase.web.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small line chart as inline SVG, drawn on the server: no script, so it works under the strict content security
 * policy and prints. Each series has its own colour and dash pattern, so lines can be told apart without colour;
 * the table beside every chart carries the same numbers for screen readers.
 */
public final class LineChart {

    private static final String[] COLOURS = {"#1d5c63", "#a0522d", "#5b3f8c", "#2f6f3e", "#8a1c4a"};
    private static final String[] DASHES = {"", "6 4", "2 3", "10 3 2 3", "1 1"};
    private static final int WIDTH = 640;
    private static final int PLOT_HEIGHT = 180;
    private static final int LEFT = 40;
    private static final int RIGHT = 60;
    private static final int TOP = 16;
    private static final int LEGEND_LINE = 20;
    private static final int X_LABEL_MAX = 24;

    private LineChart() {
    }

    /**
     * @param label what the chart shows, read by screen readers
     * @param xLabels one label per point on the x axis
     * @param series name to values (empty where there is no value), each as long as xLabels
     */
    public static String svg(String label, List<String> xLabels, Map<String, List<Optional<Double>>> series,
            double min, double max) {
        StringBuilder svg = new StringBuilder();
        int axisBottom = TOP + PLOT_HEIGHT;
        int height = axisBottom + 64 + LEGEND_LINE * series.size();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = PLOT_HEIGHT;
        double step = Math.max(1, Math.ceil((max - min) / 6));
        for (double y = min; y <= max + 1e-9; y += step) {
            double py = TOP + plotHeight * (1 - (y - min) / (max - min));
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d9e2ec\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">%s</text>",
                    LEFT, WIDTH - RIGHT, py, py, LEFT - 6, py + 4, number(y)));
        }
        int n = xLabels.size();
        // About 6 px a character at this size: a label may use the width between its neighbours, on two lines.
        int perLine = n == 1 ? X_LABEL_MAX * 2 : Math.max(8, (int) ((plotWidth - 140) / (n - 1) / 6.2));
        for (int i = 0; i < n; i++) {
            String full = xLabels.get(i);
            List<String> lines = wrap(full, perLine);
            StringBuilder text = new StringBuilder();
            for (int l = 0; l < lines.size(); l++) {
                text.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"%s\">%s</tspan>", x(i, n, plotWidth),
                        l == 0 ? "0" : "1.2em", Html.escape(lines.get(l))));
            }
            svg.append(String.format(Locale.ROOT, "<text y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                    + "fill=\"#52606d\"><title>%s</title>%s</text>", axisBottom + 16, Html.escape(full), text));
        }
        int s = 0;
        for (Map.Entry<String, List<Optional<Double>>> entry : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            String dash = DASHES[s % DASHES.length];
            StringBuilder points = new StringBuilder();
            List<Optional<Double>> values = entry.getValue();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).isPresent()) {
                    double py = TOP + plotHeight * (1 - (values.get(i).get() - min) / (max - min));
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, plotWidth), py));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>",
                            x(i, n, plotWidth), py, colour));
                }
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(colour).append('"')
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append(" points=\"").append(points.toString().trim()).append("\"/>");
            int ly = axisBottom + 56 + s * LEGEND_LINE;
            int lx = LEFT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2.5\"%s/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1f2933\">%s</text>",
                    lx, lx + 28, ly, ly, colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"",
                    lx + 34, ly + 4, Html.escape(entry.getKey())));
            s++;
        }
        return svg.append("</svg>").toString();
    }

    /** Words into at most two lines of at most {@code width} characters; the rest becomes an ellipsis. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        if (lines.size() > 2) {
            String second = lines.get(1);
            lines = new ArrayList<>(List.of(lines.get(0), (second.length() >= width ? second.substring(0,
                    width - 1) : second) + "…"));
        }
        return lines.stream().map(l -> l.length() > width ? l.substring(0, width - 1) + "…" : l).toList();
    }

    /** Points are inset from the plot's edges so the outer labels fit. */
    private static double x(int i, int n, double plotWidth) {
        double inset = 70;
        return n == 1 ? LEFT + plotWidth / 2 : LEFT + inset + (plotWidth - 2 * inset) * i / (n - 1);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
