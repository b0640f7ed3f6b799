package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortPlanService;
import org.securebase.application.CohortPlanService.ExtensionRow;
import org.securebase.application.CohortPlanService.StudentChoice;
import org.securebase.application.CurrentUser;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * The extensions part of /staff/plan.xhtml?id=: one student's later due date for one step, with a reason staff
 * alone see, and the cohort's current extensions. The school's administrators and the cohort's tutors give them;
 * the page's own bean keeps to the plan.
 */
@Named
@RequestScoped
public class PlanExtensionsBacking {

    @Inject
    private CohortPlanService plans;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    private List<ExtensionRow> extensions = List.of();

    private List<StudentChoice> students = List.of();

    private Long student;

    private Long step;

    private String due;

    private String reason;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            extensions = plans.extensions(currentUser.require(), id, language.getLocale());
            students = plans.students(currentUser.require(), id);
        } catch (NotFoundException e) {
            // The plan page's verify() answers 404.
        }
    }

    public String extend() {
        if (student == null || step == null) {
            Bundle.error("plan.extension.choose");
            return null;
        }
        try {
            plans.extend(currentUser.require(), id, step, student, LocalDateTime.parse(due == null ? "" : due.strip(),
                    PlanBacking.LOCAL).atZone(Times.zone()).toInstant(), reason);
        } catch (DateTimeParseException e) {
            Bundle.error("plan.extension.badDate");
            return null;
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return null;
        }
        return done("plan.extension.given");
    }

    public String withdraw(long stepId, long studentId) {
        try {
            plans.withdrawExtension(currentUser.require(), id, stepId, studentId);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return null;
        }
        return done("plan.extension.withdrawn");
    }

    private String done(String key) {
        Bundle.info(key);
        Faces.getFlash().setKeepMessages(true);
        return "/staff/plan?faces-redirect=true&id=" + id;
    }

    public List<ExtensionRow> getExtensions() {
        return extensions;
    }

    public List<StudentChoice> getStudents() {
        return students;
    }

    public Long getStudent() {
        return student;
    }

    public void setStudent(Long student) {
        this.student = student;
    }

    public Long getStep() {
        return step;
    }

    public void setStep(Long step) {
        this.step = step;
    }

    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
