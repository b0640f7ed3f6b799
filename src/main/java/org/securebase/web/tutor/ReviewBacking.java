package org.securebase.web.tutor;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumService;
import org.securebase.application.ReviewService;
import org.securebase.application.SelfRatingService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Account;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.review.Review;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.web.LocaleBacking;
import org.securebase.web.student.ResultsBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/**
 * /tutor/review.xhtml?id=: one reflection under review. The tutor marks passages and comments on them, rates the
 * version on the rubric and accepts it or returns it. The page is a {@link ReviewPage} read once per load; the
 * {@link CommentForm} and {@link DecisionForm} hold what the tutor types, so it stays on screen whatever happens.
 * The review's version is remembered from when the page was opened, so a decision made meanwhile by another
 * tutor is reported, never overwritten.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReviewService reviews;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private SelfRatingService ratings;

    @Inject
    private CurriculumService curricula;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    /**
     * What the page shows: not part of the view's saved state (the session replicates to the other server; what a
     * page shows is read again there, once, on the first request it serves).
     */
    private transient ReviewPage page;
    private transient boolean loaded;
    private long expectedVersion;
    private String conflict;
    private final CommentForm comment = new CommentForm();
    private final DecisionForm decision = new DecisionForm();

    @PostConstruct
    void init() {
        load();
        if (page != null) {
            expectedVersion = page.reviewVersion();
        }
    }

    /** Reads the reflection again (after each action: comments and decisions by others show). */
    private void load() {
        loaded = true;
        if (id == null) {
            return;
        }
        Account tutor = currentUser.require();
        ReviewService.ReviewView view;
        try {
            view = reviews.open(tutor, id, language.getLocale());
        } catch (NotFoundException e) {
            page = null;
            return;
        }
        ModuleDefinition module = view.module();
        Review review = view.current();
        RubricDefinition rubric = view.rubric();
        List<ReviewService.ReviewedVersion> versions = view.versions();
        int last = versions.size() - 1;
        ReviewDisplay.VersionView current = ReviewDisplay.version(module, versions.get(last).version(),
                last == 0 ? null : versions.get(last - 1).version(), review, rubric);
        List<ReviewDisplay.VersionView> earlier = new ArrayList<>();
        for (int i = last - 1; i >= 0; i--) {
            Review r = versions.get(i).review().orElse(null);
            earlier.add(ReviewDisplay.version(module, versions.get(i).version(), i == 0 ? null
                    : versions.get(i - 1).version(), r,
                    r == null ? null : catalog.inLanguage(catalog.rubric(r.getRubric()), language.getLocale())));
        }
        Account student = view.reflection().getStudent();
        List<ResultsBacking.View> trajectory = curricula.curriculumOf(student).map(c -> ratings.results(student, c)
                .stream().filter(r -> !r.instrument().privateResults())
                .map(r -> ResultsBacking.view(ResultsBacking.inLanguage(catalog, r, c, language.getLocale())))
                .toList()).orElse(List.of());
        page = new ReviewPage(student.getDisplayName(), module.title(), module.summaryHtml(), module.stages(),
                view.reflection().getStatus().name(), review.getId(), review.getVersion(),
                review.decision().isPresent(), current, earlier, rubric, trajectory, view.history(),
                module.prompts().stream().map(p -> Map.entry(p.id(), p.text())).toList(),
                reviews.gradeStatuses(tutor, id), view.path());
    }

    /** Runs before rendering: a reflection the tutor may not read is "not found". */
    public void verify() {
        if (getPage() == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public void addComment() {
        try {
            reviews.comment(currentUser.require(), getPage().reviewId(), comment.getPrompt(), comment.getStart(),
                    comment.getEnd(), comment.getQuote(), comment.getText());
            comment.clear();
            Bundle.info("review.commentAdded");
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), Review.COMMENT_MAX);
        }
        load();
    }

    public void removeComment(long commentId) {
        try {
            reviews.removeComment(currentUser.require(), getPage().reviewId(), commentId);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        }
        load();
    }

    public void accept() {
        decide(Review.Decision.ACCEPTED);
    }

    public void returnForRevision() {
        decide(Review.Decision.RETURNED);
    }

    private void decide(Review.Decision outcome) {
        conflict = null;
        try {
            reviews.decide(currentUser.require(), getPage().reviewId(), expectedVersion, outcome, decision.getLevel(),
                    decision.getCriterionLevels(), decision.getOverallComment());
            Bundle.info(outcome == Review.Decision.ACCEPTED ? "review.accepted" : "review.returned", page.student());
            Faces.getFlash().setKeepMessages(true);
            Faces.redirect(Faces.getRequestContextPath() + "/tutor/index.xhtml");
            return;
        } catch (ReviewService.Conflict e) {
            conflict = e.decidedBy();
            Bundle.error("review.conflict", e.decidedBy());
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        } catch (EJBException e) {
            if (!causedByOptimisticLock(e)) {
                throw e;
            }
            conflict = "?";
            Bundle.error("review.conflict", "?");
        }
        load();
    }

    private static boolean causedByOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    public Long getId() {
        return id;
    }

    public ReviewPage getPage() {
        if (!loaded) {
            load();
        }
        return page;
    }

    public CommentForm getComment() {
        return comment;
    }

    public DecisionForm getDecision() {
        return decision;
    }

    public String getConflict() {
        return conflict;
    }

    public String when(Instant instant) {
        return ReviewDisplay.when(instant);
    }
}
