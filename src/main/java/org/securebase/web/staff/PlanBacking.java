package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortPlanService;
import org.securebase.application.CohortPlanService.Dates;
import org.securebase.application.CohortPlanService.Plan;
import org.securebase.application.CohortPlanService.StepRow;
import org.securebase.application.CurrentUser;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /staff/plan.xhtml?id=: a cohort's plan, its steps in order with their release and due dates. The school's
 * administrators and authors change it (add, move by drag and drop or by buttons, remove, date); its tutors read
 * it. Every button first keeps the dates typed on the page, so nothing typed is lost to a move.
 */
@Named
@RequestScoped
public class PlanBacking {

    /** The form of a date field: what a browser's datetime-local control sends and shows. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    private CohortPlanService plans;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    private Plan plan;

    private String module;

    private String milestone;

    private String ownTitle;

    private Long copyFrom;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            plan = plans.plan(currentUser.require(), id, language.getLocale());
        } catch (NotFoundException e) {
            // verify() answers 404.
        }
    }

    public void verify() {
        if (plan == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String start() {
        return act(() -> plans.startFromCurriculum(currentUser.require(), id), "plan.started", false);
    }

    public String save() {
        return act(() -> {}, "plan.saved", true);
    }

    public String up(long step, int index) {
        return act(() -> plans.move(currentUser.require(), id, step, index - 1), "plan.moved", true);
    }

    public String down(long step, int index) {
        return act(() -> plans.move(currentUser.require(), id, step, index + 1), "plan.moved", true);
    }

    /** A drop of the drag-and-drop list (js/plan.js): the step and the place it was dropped at. */
    public String drop() {
        Map<String, String> form = Faces.getRequestParameterMap();
        try {
            long step = Long.parseLong(form.getOrDefault("dragStep", ""));
            int to = Integer.parseInt(form.getOrDefault("dragTo", ""));
            return act(() -> plans.move(currentUser.require(), id, step, to), "plan.moved", true);
        } catch (NumberFormatException e) {
            return save();
        }
    }

    public String remove(long step) {
        return act(() -> plans.remove(currentUser.require(), id, step), "plan.removed", true);
    }

    public String addModule() {
        return act(() -> plans.addModule(currentUser.require(), id, module), "plan.added", true);
    }

    public String addMilestone() {
        return act(() -> plans.addMilestone(currentUser.require(), id, milestone), "plan.added", true);
    }

    /** Places a milestone of the plan's own, titled as typed, at the end. */
    public String addOwnMilestone() {
        return act(() -> plans.addOwnMilestone(currentUser.require(), id, ownTitle), "plan.added", true);
    }

    /** Starts the empty plan as a copy of the chosen cohort's. */
    public String copy() {
        if (copyFrom == null) {
            return null;
        }
        return act(() -> plans.copyFrom(currentUser.require(), id, copyFrom), "plan.copied", false);
    }

    public String getOwnTitle() {
        return ownTitle;
    }

    public void setOwnTitle(String ownTitle) {
        this.ownTitle = ownTitle;
    }

    public Long getCopyFrom() {
        return copyFrom;
    }

    public void setCopyFrom(Long copyFrom) {
        this.copyFrom = copyFrom;
    }

    /** Asks a milestone's students to rate the school's instrument chosen beside it. */
    public String addInstrument(long step) {
        String slug = Faces.getRequestParameter("instrument-" + step);
        return act(() -> plans.addInstrument(currentUser.require(), id, step, slug),
                "plan.instruments.addedDone", true);
    }

    public String removeInstrument(long step, String slug) {
        return act(() -> plans.removeInstrument(currentUser.require(), id, step, slug),
                "plan.instruments.removedDone", true);
    }

    /** Keeps the dates on the page (when asked), then does the action; a refusal is a message, and nothing moves. */
    private String act(Runnable action, String done, boolean keepDates) {
        try {
            if (keepDates && plan != null) {
                Map<Long, Dates> dates = datesOnPage();
                if (dates == null) {
                    return null;
                }
                plans.schedule(currentUser.require(), id, dates);
            }
            action.run();
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return null;
        }
        Bundle.info(done);
        Faces.getFlash().setKeepMessages(true);
        return "/staff/plan?faces-redirect=true&id=" + id;
    }

    /** The release and due dates typed for each step, read in the editor's time zone; null (with a message) if any is not a date. */
    private Map<Long, Dates> datesOnPage() {
        Map<String, String> form = Faces.getRequestParameterMap();
        Map<Long, Dates> dates = new LinkedHashMap<>();
        for (StepRow row : plan.steps()) {
            if (!form.containsKey("release-" + row.id())) {
                continue;
            }
            try {
                dates.put(row.id(), new Dates(parse(form.get("release-" + row.id())),
                        parse(form.get("due-" + row.id()))));
            } catch (DateTimeParseException e) {
                Bundle.error("plan.badDate", row.title());
                return null;
            }
        }
        return dates;
    }

    private static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(value.strip(), LOCAL).atZone(Times.zone()).toInstant();
    }

    /** A date as the field shows it, in the editor's time zone. */
    public String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(Times.zone()).truncatedTo(ChronoUnit.MINUTES));
    }

    public String when(Instant instant) {
        return Times.when(instant);
    }

    public String getZone() {
        return Times.zone().getId();
    }

    public Plan getPlan() {
        return plan;
    }

    public Long getId() {
        return id;
    }

    public String getModule() {
        return module;
    }

    public void setModule(String module) {
        this.module = module;
    }

    public String getMilestone() {
        return milestone;
    }

    public void setMilestone(String milestone) {
        this.milestone = milestone;
    }
}
