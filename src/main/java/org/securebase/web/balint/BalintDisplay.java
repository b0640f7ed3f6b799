package org.securebase.web.balint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.securebase.domain.balint.Phase;
import org.securebase.web.util.ReviewDisplay;

/** Small display helpers for the Balint pages: phases in order, times in the server's zone. */
@Named
@ApplicationScoped
public class BalintDisplay {

    private static final List<Phase> PHASES = Arrays.asList(Phase.values());

    public List<Phase> getPhases() {
        return PHASES;
    }

    public String when(Instant instant) {
        return instant == null ? "" : ReviewDisplay.when(instant);
    }
}
