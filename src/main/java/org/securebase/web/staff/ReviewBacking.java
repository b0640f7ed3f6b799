package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumService;
import org.securebase.application.ReviewService;
import org.securebase.application.SelfRatingService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.web.student.ResultsBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/**
 * /tutor/review.xhtml?id=: one reflection under review. The tutor marks passages and comments on them, rates the
 * version on the rubric and accepts it or returns it. The review's version is remembered from when the page was
 * opened, so a decision made meanwhile by another tutor is reported, never overwritten. The rubric choices and
 * comment typed here stay on screen whatever happens.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReviewService reviews;

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurriculumService curricula;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private boolean found;
    private String student;
    private String moduleTitle;
    private String moduleSummaryHtml;
    private List<ModuleDefinition.Stage> stages;
    private String status;
    private long reviewId;
    private long expectedVersion;
    private boolean decided;
    private ReviewDisplay.VersionView current;
    private List<ReviewDisplay.VersionView> earlier;
    private List<RubricDefinition.Level> levels;
    private List<RubricDefinition.Criterion> criteria;
    private String rubricTitle;
    private List<ResultsBacking.View> trajectory;
    private List<ReviewService.PastRating> history;
    private List<Map.Entry<String, String>> prompts;
    private List<org.securebase.application.lti.GradeService.Status> grades = List.of();

    private String level;
    private final Map<String, String> criterionLevels = new HashMap<>();
    private String overallComment;
    private String commentPrompt;
    private int commentStart = -1;
    private int commentEnd = -1;
    private String commentQuote;
    private String commentText;
    private String conflict;

    @PostConstruct
    void init() {
        load(true);
    }

    /** Reads the reflection again; the first time also takes the review's version as the one being worked on. */
    private void load(boolean first) {
        if (id == null) {
            return;
        }
        ReviewService.ReviewView view;
        try {
            view = reviews.open(currentUser.require(), id);
        } catch (NotFoundException e) {
            found = false;
            return;
        }
        found = true;
        ModuleDefinition module = view.module();
        student = view.reflection().getStudent().getDisplayName();
        moduleTitle = module.title();
        moduleSummaryHtml = module.summaryHtml();
        stages = module.stages();
        status = view.reflection().getStatus().name();
        Review review = view.current();
        reviewId = review.getId();
        if (first) {
            expectedVersion = review.getVersion();
        }
        decided = review.decision().isPresent();
        RubricDefinition rubric = view.rubric();
        rubricTitle = rubric.title();
        levels = rubric.levels();
        criteria = rubric.criteria();
        List<ReviewService.ReviewedVersion> versions = view.versions();
        int last = versions.size() - 1;
        current = ReviewDisplay.version(module, versions.get(last).version(),
                last == 0 ? null : versions.get(last - 1).version(), review, rubric);
        earlier = new ArrayList<>();
        for (int i = last - 1; i >= 0; i--) {
            Review r = versions.get(i).review().orElse(null);
            earlier.add(ReviewDisplay.version(module, versions.get(i).version(), i == 0 ? null
                    : versions.get(i - 1).version(), r, r == null ? null : reviews.rubric(r.getRubric())));
        }
        prompts = module.prompts().stream().map(p -> Map.entry(p.id(), p.text())).toList();
        history = view.history();
        grades = reviews.gradeStatuses(currentUser.require(), id);
        trajectory = curricula.curriculumOf(view.reflection().getStudent()).map(c -> ratings.results(view.reflection().getStudent(), c).stream()
                .filter(r -> !r.instrument().privateResults()).map(ResultsBacking::view).toList()).orElse(List.of());
    }

    /** Runs before rendering: a reflection the tutor may not read is "not found". */
    public void verify() {
        if (!found) {
            Faces.responseSendError(404, "not found");
        }
    }

    public void addComment() {
        try {
            reviews.comment(currentUser.require(), reviewId, commentPrompt, commentStart, commentEnd, commentQuote,
                    commentText);
            commentText = null;
            commentQuote = null;
            commentStart = -1;
            commentEnd = -1;
            Bundle.info("review.commentAdded");
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), org.securebase.domain.review.Review.COMMENT_MAX);
        }
        load(false);
    }

    public void removeComment(long commentId) {
        try {
            reviews.removeComment(currentUser.require(), reviewId, commentId);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        }
        load(false);
    }

    public void accept() {
        decide(Review.Decision.ACCEPTED);
    }

    public void returnForRevision() {
        decide(Review.Decision.RETURNED);
    }

    private void decide(Review.Decision decision) {
        conflict = null;
        try {
            reviews.decide(currentUser.require(), reviewId, expectedVersion, decision, level, criterionLevels,
                    overallComment);
            Bundle.info(decision == Review.Decision.ACCEPTED ? "review.accepted" : "review.returned", student);
            Faces.getFlash().setKeepMessages(true);
            Faces.redirect(Faces.getRequestContextPath() + "/tutor/index.xhtml");
            return;
        } catch (ReviewService.Conflict e) {
            conflict = e.decidedBy();
            Bundle.error("review.conflict", e.decidedBy());
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        } catch (EJBException e) {
            if (!(rootCause(e) instanceof OptimisticLockException)) {
                throw e;
            }
            conflict = "?";
            Bundle.error("review.conflict", "?");
        }
        load(false);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof OptimisticLockException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    public String levelTitle(String id) {
        return levels.stream().filter(l -> l.id().equals(id)).findFirst().map(RubricDefinition.Level::title).orElse(id);
    }


    public boolean isFound() {
        return found;
    }

    public Long getId() {
        return id;
    }

    public String getStudent() {
        return student;
    }

    public String getModuleTitle() {
        return moduleTitle;
    }

    public String getModuleSummaryHtml() {
        return moduleSummaryHtml;
    }

    public List<ModuleDefinition.Stage> getStages() {
        return stages;
    }

    public String getStatus() {
        return status;
    }

    public boolean isDecided() {
        return decided;
    }

    public boolean isAwaiting() {
        return !decided && "SUBMITTED".equals(status);
    }

    public ReviewDisplay.VersionView getCurrent() {
        return current;
    }

    public List<ReviewDisplay.VersionView> getEarlier() {
        return earlier;
    }

    public List<RubricDefinition.Level> getLevels() {
        return levels;
    }

    public List<RubricDefinition.Criterion> getCriteria() {
        return criteria;
    }

    public String getRubricTitle() {
        return rubricTitle;
    }

    public List<ResultsBacking.View> getTrajectory() {
        return trajectory;
    }

    public List<ReviewService.PastRating> getHistory() {
        return history;
    }

    public String when(java.time.Instant instant) {
        return ReviewDisplay.when(instant);
    }

    public List<Map.Entry<String, String>> getPrompts() {
        return prompts;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public Map<String, String> getCriterionLevels() {
        return criterionLevels;
    }

    public String getOverallComment() {
        return overallComment;
    }

    public void setOverallComment(String overallComment) {
        this.overallComment = overallComment;
    }

    public String getCommentPrompt() {
        return commentPrompt;
    }

    public void setCommentPrompt(String commentPrompt) {
        this.commentPrompt = commentPrompt;
    }

    public int getCommentStart() {
        return commentStart;
    }

    public void setCommentStart(int commentStart) {
        this.commentStart = commentStart;
    }

    public int getCommentEnd() {
        return commentEnd;
    }

    public void setCommentEnd(int commentEnd) {
        this.commentEnd = commentEnd;
    }

    public String getCommentQuote() {
        return commentQuote;
    }

    public void setCommentQuote(String commentQuote) {
        this.commentQuote = commentQuote;
    }

    public String getCommentText() {
        return commentText;
    }

    public void setCommentText(String commentText) {
        this.commentText = commentText;
    }

    public List<org.securebase.application.lti.GradeService.Status> getGrades() {
        return grades;
    }

    public String getConflict() {
        return conflict;
    }
}
