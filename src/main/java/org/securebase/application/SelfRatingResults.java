package org.securebase.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.domain.instrument.InstrumentDefinition;
import org.securebase.domain.instrument.SelfRating.Perspective;

/**
 * A student's submitted ratings of one instrument across the curriculum: one column per rating (milestone and
 * perspective, in curriculum order), one score per subscale and column (empty when not scorable), and the change
 * from the first to the latest "now" rating with its Reliable Change Index where the SD and reliability are
 * known (from the instrument file, or from a baseline of at least five students).
 */
public record SelfRatingResults(InstrumentDefinition instrument, List<Column> columns,
        Map<String, List<Optional<Double>>> scores, Map<String, Optional<ChangeStatistics.ReliableChange>> change,
        Optional<Position> position) {

    /**
     * Where the latest "now" rating places the person on an instrument's two classification subscales, each with
     * its standard error, for a plotted point rather than a type label at a hard midpoint.
     */
    public record Position(String milestoneTitle, double x, double xError, double y, double yError) {
    }

    public record Column(String milestone, String milestoneTitle, Perspective perspective) {
    }
}
