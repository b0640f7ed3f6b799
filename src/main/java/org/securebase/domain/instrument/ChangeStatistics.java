package org.securebase.domain.instrument;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Change over time in self-ratings. Per student: the Reliable Change Index (Jacobson and Truax), which asks
 * whether a change is larger than the instrument's measurement error would produce. Per cohort: the mean change
 * with a 95 % confidence interval and a paired effect size, shown only for cohorts of at least
 * {@value #MIN_COHORT} students so no individual can be inferred.
 */
public final class ChangeStatistics {

    /** Below this many paired scores a cohort shows no aggregates. */
    public static final int MIN_COHORT = 5;

    /** |RCI| above this is a reliable change at the 5 % level. */
    public static final double RELIABLE = 1.96;

    private ChangeStatistics() {
    }

    /** One student's change on one subscale. */
    public record ReliableChange(double change, double rci) {

        public boolean reliable() {
            return Math.abs(rci) > RELIABLE;
        }
    }

    /**
     * RCI = (x2 - x1) / (sqrt(2) * SD * sqrt(1 - r)).
     *
     * @param sd the standard deviation of the measure (from the instrument file or the cohort's baseline)
     * @param reliability r, 0 <= r < 1
     */
    public static ReliableChange reliableChange(double before, double after, double sd, double reliability) {
        if (sd <= 0 || reliability < 0 || reliability >= 1) {
            throw new IllegalArgumentException("need sd > 0 and 0 <= r < 1, got sd=" + sd + " r=" + reliability);
        }
        double standardErrorOfDifference = Math.sqrt(2) * sd * Math.sqrt(1 - reliability);
        return new ReliableChange(after - before, (after - before) / standardErrorOfDifference);
    }

    /** A cohort's change on one subscale. */
    public record CohortChange(int n, double meanChange, double sdChange, double ciLow, double ciHigh,
            double effectSize) {
    }

    /**
     * Mean of the paired differences, its 95 % confidence interval (t distribution, n - 1 degrees of freedom) and
     * the paired effect size d_z = mean difference / SD of the differences. Empty below {@value #MIN_COHORT}
     * pairs, or when every difference is the same (the effect size is then undefined).
     */
    public static Optional<CohortChange> cohortChange(List<double[]> pairs) {
        int n = pairs.size();
        if (n < MIN_COHORT) {
            return Optional.empty();
        }
        double[] diffs = pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray();
        double mean = mean(diffs);
        double sd = sampleSd(diffs, mean);
        if (sd == 0) {
            return Optional.empty();
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        return Optional.of(new CohortChange(n, mean, sd, mean - half, mean + half, mean / sd));
    }

    /**
     * Cronbach's alpha from complete answer rows (one row per respondent, one column per item, reverse keys
     * already applied): k / (k - 1) * (1 - sum of item variances / variance of totals). Used as the reliability
     * when the instrument file gives none. Empty with fewer than two items or respondents.
     */
    public static Optional<Double> cronbachAlpha(List<double[]> rows) {
        if (rows.size() < 2 || rows.get(0).length < 2) {
            return Optional.empty();
        }
        int k = rows.get(0).length;
        double itemVariances = 0;
        for (int j = 0; j < k; j++) {
            int item = j;
            double[] column = rows.stream().mapToDouble(r -> r[item]).toArray();
            itemVariances += variance(column, mean(column));
        }
        double[] totals = rows.stream().mapToDouble(r -> Arrays.stream(r).sum()).toArray();
        double totalVariance = variance(totals, mean(totals));
        if (totalVariance == 0) {
            return Optional.empty();
        }
        return Optional.of(k / (k - 1.0) * (1 - itemVariances / totalVariance));
    }

    /** Sample standard deviation (n - 1), for the baseline SD when the file gives none. */
    public static double sampleSd(double[] values) {
        return sampleSd(values, mean(values));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double sampleSd(double[] values, double mean) {
        return Math.sqrt(variance(values, mean));
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
