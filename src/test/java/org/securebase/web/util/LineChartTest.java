package org.securebase.web.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void drawsOneLineAndOneMarkerPerScoredPointAndSkipsGaps() {
        Map<String, List<Optional<Double>>> series = new LinkedHashMap<>();
        series.put("Anxiety", List.of(Optional.of(3.0), Optional.empty(), Optional.of(5.0)));
        series.put("Avoidance", List.of(Optional.of(4.0), Optional.of(4.5), Optional.of(2.0)));
        String svg = LineChart.svg("Scores", List.of("Start", "Middle", "End"), series, 1, 7);
        assertEquals(2, count(svg, "<polyline"));
        assertEquals(5, count(svg, "<circle"), "the unscorable middle anxiety score has no marker");
        assertTrue(svg.contains("role=\"img\" aria-label=\"Scores\""));
        assertTrue(svg.contains("stroke-dasharray"), "the second series is dashed, not only coloured");
    }

    @Test
    void textIsEscapedAndLongLabelsAreShortenedWithTheFullTitleKept() {
        String title = "Before you begin: where you are starting from";
        String svg = LineChart.svg("<b>", List.of(title), Map.of("<script>x</script>", List.of(Optional.of(2.0))), 1,
                7);
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(svg.contains("aria-label=\"&lt;b&gt;\""));
        assertTrue(svg.contains("<title>" + title + "</title>"), svg);
        assertEquals(List.of("Before you begin:", "where you are…"), LineChart.wrap(title, 17));
        assertEquals(List.of("At the end"), LineChart.wrap("At the end", 17));
    }
}
