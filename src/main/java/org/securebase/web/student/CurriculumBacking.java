package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.securebase.application.CurrentUser;
import org.securebase.application.CurriculumEntry;
import org.securebase.application.CurriculumService;
import org.securebase.application.ModuleSummary;
import org.securebase.application.content.ContentCatalog;
import org.securebase.web.LocaleBacking;

/** /student/index.xhtml: the student's curriculum: modules and self-rating milestones, in order. */
@Named
@RequestScoped
public class CurriculumBacking {

    @Inject
    private CurriculumService curriculum;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    private List<CurriculumEntry> entries;

    @PostConstruct
    void load() {
        Locale locale = language.getLocale();
        Map<String, String> milestoneTitles = new HashMap<>();
        entries = curriculum.entriesFor(currentUser.require()).stream().map(e -> {
            if (e.module() != null) {
                ModuleSummary m = e.module();
                return catalog.moduleTranslation(m.slug(), locale).map(t -> new CurriculumEntry(new ModuleSummary(
                        m.slug(), t.title(), m.patterns(), t.setting(), m.estimatedMinutes(), t.summaryHtml(),
                        m.stages(), m.status()), null, e.schedule())).orElse(e);
            }
            CurriculumEntry.MilestoneSummary ms = e.milestone();
            if (milestoneTitles.isEmpty()) {
                catalog.findCurriculum(ms.curriculum()).map(c -> catalog.inLanguage(c, locale))
                        .ifPresent(c -> c.milestones().forEach(x -> milestoneTitles.put(x.id(), x.title())));
            }
            return new CurriculumEntry(null, new CurriculumEntry.MilestoneSummary(ms.curriculum(), ms.id(),
                    milestoneTitles.getOrDefault(ms.id(), ms.title()), ms.instruments(), ms.submitted()), e.schedule());
        }).toList();
    }

    /** A release or due date in the student's own time zone and language. */
    public String when(java.time.Instant instant) {
        return org.securebase.web.util.Times.when(instant);
    }

    /** Whether any line has a date, so that the page explains the dates only when there are some. */
    public boolean isDated() {
        return entries.stream().anyMatch(e -> e.schedule() != null && (e.schedule().due() != null
                || e.schedule().release() != null));
    }

    /** The zone the dates are shown in, so that a student abroad reads them right. */
    public String getZone() {
        return org.securebase.web.util.Times.zone().getId();
    }

    public List<CurriculumEntry> getEntries() {
        return entries;
    }
}
