package org.securebase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.domain.instrument.ChangeStatistics.CohortChange;

/** Expected values are computed by hand in the comments. */
class ChangeStatisticsTest {

    @Test
    void reliableChangeIndexFollowsJacobsonTruax() {
        // SEdiff = sqrt(2) * 1.0 * sqrt(1 - 0.8) = 1.41421 * 0.44721 = 0.63246; RCI = 1.5 / 0.63246 = 2.3717
        var big = ChangeStatistics.reliableChange(3.0, 4.5, 1.0, 0.8);
        assertEquals(1.5, big.change(), 1e-12);
        assertEquals(2.3717, big.rci(), 1e-4);
        assertTrue(big.reliable());
        // RCI = 1.0 / 0.63246 = 1.5811: within measurement error
        assertFalse(ChangeStatistics.reliableChange(3.0, 4.0, 1.0, 0.8).reliable());
        // a reliable fall is reliable too: -2.3717
        assertTrue(ChangeStatistics.reliableChange(4.5, 3.0, 1.0, 0.8).reliable());
        assertThrows(IllegalArgumentException.class, () -> ChangeStatistics.reliableChange(1, 2, 0, 0.8));
        assertThrows(IllegalArgumentException.class, () -> ChangeStatistics.reliableChange(1, 2, 1, 1.0));
    }

    @Test
    void aCohortsMeanChangeHasAConfidenceIntervalAndAPairedEffectSize() {
        // differences 1, 2, 1, 0, 3: mean 1.4; squared deviations .16 .36 .16 1.96 2.56 = 5.2; SD = sqrt(5.2 / 4) = 1.140175
        // d_z = 1.4 / 1.140175 = 1.22788; t(0.975, 4) = 2.776445; half width = 2.776445 * 1.140175 / sqrt(5) = 1.415718
        CohortChange c = ChangeStatistics.cohortChange(List.of(new double[] {3, 4}, new double[] {2, 4},
                new double[] {4, 5}, new double[] {3, 3}, new double[] {2, 5})).orElseThrow();
        assertEquals(5, c.n());
        assertEquals(1.4, c.meanChange(), 1e-9);
        assertEquals(1.140175, c.sdChange(), 1e-6);
        assertEquals(1.22788, c.effectSize(), 1e-5);
        assertEquals(1.4 - 1.415718, c.ciLow(), 1e-5);
        assertEquals(1.4 + 1.415718, c.ciHigh(), 1e-5);
    }

    @Test
    void smallCohortsShowNoAggregates() {
        assertEquals(Optional.empty(), ChangeStatistics.cohortChange(List.of(new double[] {3, 4},
                new double[] {2, 4}, new double[] {4, 5}, new double[] {3, 3})));
    }

    @Test
    void cronbachsAlphaForABaselineWithoutAPublishedReliability() {
        // items (1,2), (2,1), (3,3): item variances 1 + 1 = 2; totals 3, 3, 6 have variance 3; alpha = 2 * (1 - 2/3)
        assertEquals(2.0 / 3, ChangeStatistics.cronbachAlpha(List.of(new double[] {1, 2}, new double[] {2, 1},
                new double[] {3, 3})).orElseThrow(), 1e-12);
        // perfectly consistent items: alpha 1
        assertEquals(1.0, ChangeStatistics.cronbachAlpha(List.of(new double[] {1, 1}, new double[] {2, 2},
                new double[] {3, 3})).orElseThrow(), 1e-12);
        // totals all equal: undefined
        assertEquals(Optional.empty(), ChangeStatistics.cronbachAlpha(List.of(new double[] {1, 3},
                new double[] {2, 2}, new double[] {3, 1})));
        // baseline SD: values 2, 4, 4, 4, 5, 5, 7, 9 have mean 5, squared deviations sum 32, SD = sqrt(32 / 7)
        assertEquals(Math.sqrt(32.0 / 7), ChangeStatistics.sampleSd(new double[] {2, 4, 4, 4, 5, 5, 7, 9}), 1e-12);
    }
}
