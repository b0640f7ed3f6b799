package org.securebase.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.securebase.infrastructure.content.InstrumentAndCurriculumTest;
import org.securebase.infrastructure.content.InstrumentParser;

class CohortReportServiceTest {

    private static final double[] SCALE = {1, 7};

    @Test
    void fourStudentsShowNothingFiveShowTheirSpread() {
        assertTrue(CohortReportService.distribution(new double[] {1, 2, 3, 4}, SCALE).isEmpty());
        var d = CohortReportService.distribution(new double[] {1, 2, 3, 4, 7}, SCALE).orElseThrow();
        // Bins of width 1 over 1..7: [1,2) [2,3) [3,4) [4,5) [5,6) [6,7]; the top value 7 falls in the last bin.
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 1}, d.bins());
        assertEquals(5, d.n());
        assertEquals(3.4, d.mean(), 1e-9);
        // Deviations -2.4 -1.4 -0.4 0.6 3.6: squares sum 5.76+1.96+0.16+0.36+12.96 = 21.2; /4 = 5.3
        assertEquals(Math.sqrt(5.3), d.sd(), 1e-9);
    }

    @Test
    void aSummedSubscaleRangesOverItsItemsAndAPrivateFileIsMarked() {
        var instrument = InstrumentParser.parse("style.yaml", "style", InstrumentAndCurriculumTest.INSTRUMENT
                .replace("score: mean", "score: sum") + "private: true\n").definition().orElseThrow();
        int items = instrument.subscales().stream().mapToInt(s -> s.items().size()).max().orElseThrow();
        assertArrayEquals(new double[] {instrument.scale().min() * items, instrument.scale().max() * items},
                CohortReportService.range(instrument));
        assertTrue(instrument.privateResults());
        assertFalse(InstrumentParser.parse("style.yaml", "style", InstrumentAndCurriculumTest.INSTRUMENT).definition()
                .orElseThrow().privateResults());
        assertEquals("'private' must be true or false, not 'maybe'", InstrumentParser.parse("style.yaml",
                "style", InstrumentAndCurriculumTest.INSTRUMENT + "private: maybe\n").problems().get(0).message());
    }

    @Test
    void pseudonymsAreStablePerKeyAndDifferAcrossKeys() throws Exception {
        Mac one = mac("a long export key");
        Mac other = mac("another export key");
        String p = CohortReportService.pseudonym(one, 51);
        assertEquals(p, CohortReportService.pseudonym(one, 51));
        assertEquals(p, CohortReportService.pseudonym(mac("a long export key"), 51));
        assertNotEquals(p, CohortReportService.pseudonym(one, 52));
        assertNotEquals(p, CohortReportService.pseudonym(other, 51));
        assertTrue(p.matches("P-[0-9a-f]{12}"), p);
    }

    private static Mac mac(String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
    }
}
