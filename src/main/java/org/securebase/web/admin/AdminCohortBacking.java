package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.ProgrammeSummary;
import org.securebase.application.SchoolService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.school.School;
import org.securebase.infrastructure.enrolment.EnrolmentCsv;
import org.securebase.web.util.Bundle;

/**
 * /admin/cohort.xhtml?id=: one cohort of the administrator's school: its name, programme and curriculum, its
 * tutors and students, and enrolment from a CSV file (or pasted text) with a line-by-line report.
 */
@Named
@RequestScoped
public class AdminCohortBacking {

    /** One problem of an enrolment file, in words. */
    public record Problem(long line, String text) {
    }

    @Inject
    private SchoolService school;

    @Inject
    private ContentCatalog content;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private SchoolService.CohortDetail detail;
    private String name;
    private Long programme;
    private String curriculum;
    private Part file;
    private String pasted;
    private SchoolService.Enrolment enrolment;
    private List<Problem> problems = List.of();
    private List<ProgrammeSummary> programmes;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            detail = school.detail(currentUser.require(), id);
            name = detail.cohort().getName();
            programme = detail.cohort().getProgramme() == null ? null : detail.cohort().getProgramme().getId();
            curriculum = detail.cohort().curriculum().orElse("");
        } catch (NotFoundException e) {
            detail = null;
        }
    }

    public void verify() {
        if (detail == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String save() {
        try {
            school.update(currentUser.require(), id, name, programme, curriculum);
            Bundle.info("admin.cohortSaved");
            Faces.getFlash().setKeepMessages(true);
            return "/admin/cohort?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), name, School.NAME_MAX);
            return null;
        }
    }

    /** Reads the uploaded file (or the pasted text), checks every line, and imports only if all are sound. */
    public void enrol() {
        EnrolmentCsv.Result parsed;
        try (Reader reader = file != null && file.getSize() > 0
                ? new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)
                : new StringReader(pasted == null ? "" : pasted)) {
            parsed = EnrolmentCsv.read(reader);
        } catch (IOException e) {
            Bundle.error("enrol.unreadable");
            return;
        }
        if (parsed.rows().isEmpty() && parsed.problems().isEmpty()) {
            Bundle.error("enrol.empty");
            return;
        }
        enrolment = school.enrol(currentUser.require(), id, parsed);
        problems = enrolment.problems().stream().map(p -> new Problem(p.line(), Bundle.text(p.key(), p.detail(),
                EnrolmentCsv.MAX_ROWS))).toList();
        if (problems.isEmpty()) {
            Bundle.info("enrol.done", enrolment.created(), enrolment.enrolled(), enrolment.alreadyMembers());
            detail = school.detail(currentUser.require(), id);
        } else {
            Bundle.error("enrol.nothingImported", problems.size());
        }
    }

    public SchoolService.CohortDetail getDetail() {
        return detail;
    }

    /** The school's programmes for the select, read once per request rather than at every evaluation. */
    public List<ProgrammeSummary> getProgrammes() {
        if (programmes == null) {
            programmes = school.programmes(currentUser.require());
        }
        return programmes;
    }

    public List<CurriculumDefinition> getCurricula() {
        return content.curricula();
    }

    public SchoolService.Enrolment getEnrolment() {
        return enrolment;
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getProgramme() {
        return programme;
    }

    public void setProgramme(Long programme) {
        this.programme = programme;
    }

    public String getCurriculum() {
        return curriculum;
    }

    public void setCurriculum(String curriculum) {
        this.curriculum = curriculum;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getPasted() {
        return pasted;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }
}
