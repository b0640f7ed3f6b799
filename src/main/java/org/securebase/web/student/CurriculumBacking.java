package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumEntry;
import org.securebase.application.CurriculumService;

/** /student/index.xhtml: the student's curriculum: modules and self-rating milestones, in order. */
@Named
@RequestScoped
public class CurriculumBacking {

    @Inject
    private CurriculumService curriculum;

    @Inject
    private CurrentUser currentUser;

    private List<CurriculumEntry> entries;

    @PostConstruct
    void load() {
        entries = curriculum.entriesFor(currentUser.require());
    }

    public List<CurriculumEntry> getEntries() {
        return entries;
    }
}
