package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumService;
import org.securebase.application.ModuleSummary;

/** /student/index.xhtml: the student's modules and where they stand with each. */
@Named
@RequestScoped
public class CurriculumBacking {

    @Inject
    private CurriculumService curriculum;

    @Inject
    private CurrentUser currentUser;

    private List<ModuleSummary> modules;

    @PostConstruct
    void load() {
        modules = curriculum.forStudent(currentUser.require());
    }

    public List<ModuleSummary> getModules() {
        return modules;
    }
}
