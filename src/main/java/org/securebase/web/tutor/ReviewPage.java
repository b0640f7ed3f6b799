package org.securebase.web.tutor;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.securebase.application.PathStep;
import org.securebase.application.ReviewService;
import org.securebase.application.lti.GradeService;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.web.student.ResultsBacking;
import org.securebase.web.util.ReviewDisplay;

/**
 * What the review screen shows of one reflection, read once per load: the student, the case, the version under
 * review and the earlier ones with their feedback, the rubric, the student's history, where grades went and the
 * path the student's case took.
 */
public record ReviewPage(String student, String moduleTitle, String moduleSummaryHtml,
        List<ModuleDefinition.Stage> stages, String status, long reviewId, long reviewVersion, boolean decided,
        ReviewDisplay.VersionView current, List<ReviewDisplay.VersionView> earlier, RubricDefinition rubric,
        List<ResultsBacking.View> trajectory, List<ReviewService.PastRating> history,
        List<Map.Entry<String, String>> prompts, List<GradeService.Status> grades, List<PathStep> path)
        implements Serializable {

    public boolean awaiting() {
        return !decided && "SUBMITTED".equals(status);
    }

    /** A level's title by id (the id itself for a level the rubric no longer has). */
    public String levelTitle(String id) {
        return rubric.levels().stream().filter(l -> l.id().equals(id)).findFirst()
                .map(RubricDefinition.Level::title).orElse(id);
    }
}
