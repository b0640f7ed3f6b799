package org.securebase.application.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.securebase.application.MirrorService;
import org.securebase.application.SelfRatingResults;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.reflection.ReflectionVersion;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;

/**
 * What goes into one portfolio PDF, read for its holder only: the chosen accepted reflections with every version and
 * its review, the self-ratings and the mirror if chosen, and the code the document is issued under.
 */
public record PortfolioContent(String code, Instant issuedAt, Locale locale, String holder, String school,
        List<ReflectionPart> reflections, Optional<CurriculumDefinition> curriculum, List<SelfRatingResults> ratings,
        Optional<MirrorService.Mirror> mirror) {

    /** One accepted reflection: the module in the reader's language, and its versions, oldest first. */
    public record ReflectionPart(Reflection reflection, ModuleDefinition module, List<VersionPart> versions) {

        public VersionPart accepted() {
            return versions.get(versions.size() - 1);
        }
    }

    /** A submitted version with its review (if decided) and the review's rubric in the reader's language. */
    public record VersionPart(ReflectionVersion version, Optional<Review> review, RubricDefinition rubric) {
    }
}
