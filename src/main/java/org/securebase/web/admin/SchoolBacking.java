package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.ProgrammeSummary;
import org.securebase.application.SchoolService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.BusinessException;
import org.securebase.domain.curriculum.CurriculumDefinition;
import org.securebase.domain.review.RubricDefinition;
import org.securebase.domain.school.Cohort;
import org.securebase.domain.school.School;
import org.securebase.web.util.Bundle;

/** /admin/index.xhtml: the school's programmes and cohorts, and forms to add them. */
@Named
@RequestScoped
public class SchoolBacking {

    @Inject
    private SchoolService school;

    @Inject
    private ContentCatalog content;

    @Inject
    private CurrentUser currentUser;

    private List<ProgrammeSummary> programmes;
    private String programmeName;
    private String cohortName;
    private Long cohortProgramme;
    private String cohortCurriculum;

    private String rubric;

    @PostConstruct
    void load() {
        programmes = school.programmes(currentUser.require());
        rubric = school.rubric(currentUser.require());
    }

    public String saveRubric() {
        school.chooseRubric(currentUser.require(), rubric);
        Bundle.info("admin.rubricSaved");
        Faces.getFlash().setKeepMessages(true);
        return "/admin/index?faces-redirect=true";
    }

    public List<RubricDefinition> getRubrics() {
        return content.rubrics();
    }

    public String getRubric() {
        return rubric;
    }

    public void setRubric(String rubric) {
        this.rubric = rubric;
    }

    public String addProgramme() {
        try {
            school.createProgramme(currentUser.require(), programmeName);
            Bundle.info("admin.programmeAdded", programmeName.strip());
            Faces.getFlash().setKeepMessages(true);
            return "/admin/index?faces-redirect=true";
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), programmeName, School.NAME_MAX);
            return null;
        }
    }

    public String addCohort() {
        try {
            Cohort cohort = school.createCohort(currentUser.require(), cohortName, cohortProgramme, cohortCurriculum);
            Bundle.info("admin.cohortAdded", cohort.getName());
            Faces.getFlash().setKeepMessages(true);
            return "/admin/cohort?faces-redirect=true&id=" + cohort.getId();
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), cohortName, School.NAME_MAX);
            return null;
        }
    }

    public List<ProgrammeSummary> getProgrammes() {
        return programmes;
    }

    public List<CurriculumDefinition> getCurricula() {
        return content.curricula();
    }

    public String getProgrammeName() {
        return programmeName;
    }

    public void setProgrammeName(String programmeName) {
        this.programmeName = programmeName;
    }

    public String getCohortName() {
        return cohortName;
    }

    public void setCohortName(String cohortName) {
        this.cohortName = cohortName;
    }

    public Long getCohortProgramme() {
        return cohortProgramme;
    }

    public void setCohortProgramme(Long cohortProgramme) {
        this.cohortProgramme = cohortProgramme;
    }

    public String getCohortCurriculum() {
        return cohortCurriculum;
    }

    public void setCohortCurriculum(String cohortCurriculum) {
        this.cohortCurriculum = cohortCurriculum;
    }
}
