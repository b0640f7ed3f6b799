package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.AuditRow;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReadAudit;
import org.securebase.application.ReflectionService;
import org.securebase.application.ReviewService;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.Reflection;
import org.securebase.domain.review.Review;
import org.securebase.web.util.ReviewDisplay;

/** /student/reflection.xhtml?id=N: every submitted version of one of the student's own reflections. */
@Named
@RequestScoped
public class ReflectionBacking {

    @Inject
    private ReflectionService reflections;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private Reflection reflection;
    private ModuleDefinition definition;
    private final List<ReviewDisplay.VersionView> versions = new ArrayList<>();
    private List<AuditRow> reads = List.of();

    @Inject
    private ReviewService reviews;

    @Inject
    private ReadAudit audit;

    /** Runs before rendering: an unknown or someone else's item is "not found", and nothing is rendered. */
    public void verify() {
        if (reflection == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    @PostConstruct
    void load() {
        try {
            if (id == null) {
                throw new NotFoundException("no id");
            }
            reflection = reflections.getOwn(currentUser.require(), id);
            definition = reflections.definition(reflection);
            List<ReviewService.ReviewedVersion> reviewed = reviews.feedback(currentUser.require(), reflection);
            for (int i = reviewed.size() - 1; i >= 0; i--) {
                ReviewService.ReviewedVersion v = reviewed.get(i);
                Review review = v.review().orElse(null);
                versions.add(
                        ReviewDisplay.version(definition, v.version(), i == 0 ? null : reviewed.get(i - 1).version(),
                                review, review == null ? null : reviews.rubric(review.getRubric())));
            }
            reads = audit.readsOf(currentUser.require(), reflection);
        } catch (NotFoundException e) {
            // verify() answers 404 before anything is rendered.
        }
    }

    public List<ReviewDisplay.VersionView> getVersions() {
        return versions;
    }

    public List<AuditRow> getReads() {
        return reads;
    }

    public String when(Instant instant) {
        return ReviewDisplay.when(instant);
    }

    public Reflection getReflection() {
        return reflection;
    }

    public ModuleDefinition getDefinition() {
        return definition;
    }
}
