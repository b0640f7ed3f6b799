package org.securebase.application;

import java.io.Serializable;
import java.time.Instant;
import org.securebase.domain.module.Stance;

/**
 * One stage of the path a trainee's case took, as the tutor reads it beside the reflection: the stage, the
 * response committed to there (null at a stage without a question), its stance and whether it was the reading
 * the module marks best.
 */
public record PathStep(String stageTitle, String choice, Stance stance, boolean best, Instant answeredAt)
        implements Serializable {
}
