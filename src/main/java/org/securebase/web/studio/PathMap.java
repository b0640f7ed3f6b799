package org.securebase.web.studio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.securebase.infrastructure.content.ModuleForm;
import org.securebase.infrastructure.content.ModuleForm.OptionForm;
import org.securebase.infrastructure.content.ModuleForm.StageForm;
import org.securebase.web.util.Html;

/**
 * The case's routes drawn as a picture an author can read: a box per stage, in columns by how many steps from the
 * first stage it is first reached, and an arrow per route labelled with the options that take it ("A, C"). A
 * stage no route reaches stands in a last column, dashed; a route to a stage that does not exist is listed, not
 * drawn. The same routes are given as a list for people who do not see the picture. Routing follows the format:
 * an option's {@code next}, else the stage's, else the following stage unless the stage is an ending.
 */
public final class PathMap {

    static final int BOX_W = 180;
    static final int BOX_H = 48;
    static final int GAP_X = 70;
    static final int GAP_Y = 22;
    static final int PAD = 10;

    /** A stage's box: its number (1-based), id, title cut to fit, position, and whether any route reaches it. */
    public record Box(int number, String id, String label, int x, int y, boolean reached, boolean ending) {
        public int textX() {
            return x + 8;
        }

        public int textY() {
            return y + 19;
        }

        public int titleY() {
            return y + 37;
        }
    }

    /** A route from one box to another, with the letters of the options taking it (empty: the stage's own). */
    public record Arrow(int from, int to, String letters, String path, int labelX, int labelY) {
    }

    /** A route in words, for the list: "Stage 2 (A, C) to stage 4", or to a missing id, or "ends". */
    public record Route(int from, String letters, Integer to, String missing) {
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private int width;
    private int height;

    public static PathMap of(ModuleForm form) {
        return new PathMap(form.getStages());
    }

    private PathMap(List<StageForm> stages) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            index.putIfAbsent(stages.get(i).getId(), i);
        }
        // Routes per stage: target index (or -1 for a missing id, with its name) -> option letters.
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageForm stage = stages.get(i);
            Map<String, List<String>> targets = new LinkedHashMap<>();
            List<OptionForm> options = stage.isAsks() ? stage.getOptions() : List.of();
            if (options.isEmpty()) {
                String target = target(stage, null, i, stages.size());
                if (target != null) {
                    targets.put(target, new ArrayList<>());
                }
            }
            for (int o = 0; o < options.size(); o++) {
                String target = target(stage, options.get(o), i, stages.size());
                if (target != null) {
                    targets.computeIfAbsent(target, t -> new ArrayList<>()).add(String.valueOf((char) ('A' + o)));
                }
            }
            out.add(targets);
            if (targets.isEmpty()) {
                routes.add(new Route(i + 1, "", null, null));
            }
            for (Map.Entry<String, List<String>> t : targets.entrySet()) {
                Integer to = t.getKey().startsWith("#") ? Integer.valueOf(t.getKey().substring(1))
                        : index.get(t.getKey());
                routes.add(new Route(i + 1, String.join(", ", t.getValue()), to == null ? null : to + 1,
                        to == null ? t.getKey() : null));
            }
        }
        // Columns by first reach from the first stage (breadth first, so a cycle cannot loop).
        int[] depth = new int[stages.size()];
        java.util.Arrays.fill(depth, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        if (!stages.isEmpty()) {
            depth[0] = 0;
            queue.add(0);
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            for (String t : out.get(i).keySet()) {
                Integer to = t.startsWith("#") ? Integer.valueOf(t.substring(1)) : index.get(t);
                if (to != null && depth[to] < 0) {
                    depth[to] = depth[i] + 1;
                    queue.add(to);
                }
            }
        }
        int columns = java.util.Arrays.stream(depth).max().orElse(-1) + 1;
        boolean unreached = java.util.Arrays.stream(depth).anyMatch(d -> d < 0);
        int[] rows = new int[columns + 1];
        int[] x = new int[stages.size()];
        int[] y = new int[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            int column = depth[i] < 0 ? columns : depth[i];
            x[i] = PAD + column * (BOX_W + GAP_X);
            y[i] = PAD + rows[column]++ * (BOX_H + GAP_Y);
            StageForm stage = stages.get(i);
            boxes.add(new Box(i + 1, stage.getId(), cut(stage.getTitle()), x[i], y[i], depth[i] >= 0,
                    stage.isEnding()));
        }
        for (int i = 0; i < stages.size(); i++) {
            for (Map.Entry<String, List<String>> t : out.get(i).entrySet()) {
                Integer to = t.getKey().startsWith("#") ? Integer.valueOf(t.getKey().substring(1))
                        : index.get(t.getKey());
                if (to != null) {
                    arrows.add(arrow(i, to, String.join(", ", t.getValue()), x, y));
                }
            }
        }
        int maxRows = java.util.Arrays.stream(rows).max().orElse(0);
        width = PAD * 2 + (columns + (unreached ? 1 : 0)) * (BOX_W + GAP_X) - GAP_X;
        height = PAD * 2 + Math.max(1, maxRows) * (BOX_H + GAP_Y) - GAP_Y;
    }

    /** Where a choice leads: a stage id, "#n" for the following stage by position, or null when the case ends. */
    private static String target(StageForm stage, OptionForm option, int i, int count) {
        String next = option != null && present(option.getNext()) ? option.getNext()
                : present(stage.getNext()) ? stage.getNext() : null;
        if (next != null) {
            return next.strip();
        }
        return stage.isEnding() || i + 1 >= count ? null : "#" + (i + 1);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Arrow arrow(int from, int to, String letters, int[] x, int[] y) {
        int x1 = x[from] + BOX_W;
        int y1 = y[from] + BOX_H / 2;
        int x2 = x[to];
        int y2 = y[to] + BOX_H / 2;
        String path;
        int lx;
        int ly;
        if (x2 > x1) {
            int mid = (x1 + x2) / 2;
            path = "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + (x2 - 2) + "," + y2;
            lx = mid;
            ly = (y1 + y2) / 2 - 4;
        } else {
            // Backwards or within a column: around the bottom of the boxes, so the loop is visible.
            int bottom = Math.max(y[from], y[to]) + BOX_H + GAP_Y / 2;
            int sx = x[from] + BOX_W / 2;
            int ex = x[to] + BOX_W / 2;
            path = "M" + sx + "," + (y[from] + BOX_H) + " L" + sx + "," + bottom + " L" + ex + "," + bottom + " L" + ex
                    + "," + (y[to] + BOX_H + 2);
            lx = (sx + ex) / 2;
            ly = bottom - 3;
        }
        return new Arrow(from + 1, to + 1, letters, path, lx, ly);
    }

    private static String cut(String title) {
        String t = title == null ? "" : title.strip();
        return t.length() <= 26 ? t : t.substring(0, 25) + "\u2026";
    }

    /** The picture as SVG (texts escaped), labelled for screen readers by {@code label}. */
    public String svg(String label) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"path-map\" width=\"").append(getWidth()).append("\" height=\"").append(getHeight())
                .append("\" viewBox=\"0 0 ").append(getWidth()).append(' ').append(getHeight())
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">")
                .append("<defs><marker id=\"path-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                        + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#334e68\"/></marker></defs>");
        for (Arrow a : arrows) {
            svg.append("<path d=\"").append(a.path()).append("\" fill=\"none\" stroke=\"#334e68\" "
                    + "stroke-width=\"1.5\" marker-end=\"url(#path-arrow)\"/>");
        }
        for (Box b : boxes) {
            svg.append("<g class=\"path-stage\" data-stage=\"").append(Html.escape(b.id())).append("\">")
                    .append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"")
                    .append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"")
                    .append(b.ending() ? "#e3f8ee" : "#ffffff").append("\" stroke=\"")
                    .append(b.reached() ? "#334e68" : "#b42318").append("\" stroke-width=\"1.5\"")
                    .append(b.reached() ? "" : " stroke-dasharray=\"5 4\"").append("/>")
                    .append("<text x=\"").append(b.textX()).append("\" y=\"").append(b.textY())
                    .append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#102a43\">").append(b.number())
                    .append(" \u00b7 ").append(Html.escape(b.id())).append("</text>")
                    .append("<text x=\"").append(b.textX()).append("\" y=\"").append(b.titleY())
                    .append("\" font-size=\"12\" fill=\"#243b53\">").append(Html.escape(b.label()))
                    .append("</text></g>");
        }
        for (Arrow a : arrows) {
            if (!a.letters().isEmpty()) {
                svg.append("<text x=\"").append(a.labelX()).append("\" y=\"").append(a.labelY())
                        .append("\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#102a43\" "
                                + "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">")
                        .append(Html.escape(a.letters())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    public List<Box> getBoxes() {
        return boxes;
    }

    public List<Arrow> getArrows() {
        return arrows;
    }

    public List<Route> getRoutes() {
        return routes;
    }

    public int getWidth() {
        return Math.max(width, BOX_W + 2 * PAD);
    }

    public int getHeight() {
        return Math.max(height, BOX_H + 2 * PAD);
    }
}
