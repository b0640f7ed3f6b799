package org.securebase.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CohortReportService;
import org.securebase.application.CohortReportService.InstrumentReport;
import org.securebase.application.CohortReportService.SubscaleReport;
import org.securebase.application.CurrentUser;
import org.securebase.application.lti.RosterService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.account.Role;
import org.securebase.domain.instrument.ChangeStatistics;
import org.securebase.infrastructure.scoring.CsvCells;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.CohortCharts;
import org.securebase.web.util.Html;
import org.securebase.web.util.Numbers;

/**
 * /staff/cohort.xhtml?id=: one cohort's self-ratings for its tutors and its school's administrators, as
 * distributions and mean change; administrators can also download a pseudonymised file.
 */
@Named
@RequestScoped
public class CohortBacking {

    /** One instrument as the page shows it. */
    public record View(String slug, String title, String distributionCharts, String changeChart,
            List<String> subscales, List<Row> milestones, List<ChangeRow> changes, String changeCaption,
            boolean retrospective) {
    }

    /** One milestone's line in the table: mean (SD, n) per subscale. */
    public record Row(String milestone, List<String> cells) {
    }

    /** One subscale's change from the first to the last milestone, and looking back at the last. */
    public record ChangeRow(String subscale, String change, String retrospective) {
    }

    @Inject
    private CohortReportService reports;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "id")
    private Long id;

    private CohortReportService.Report report;

    private final List<View> views = new ArrayList<>();

    private String exportKey;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            report = reports.report(currentUser.require(), id, language.getLocale()).orElse(null);
        } catch (NotFoundException e) {
            return;
        }
        if (report != null) {
            report.instruments().forEach(i -> views.add(view(i)));
            roster = rosters.hasRoster(currentUser.require(), id);
        }
    }

    /** Runs before rendering: a cohort the user may not see is "not found". */
    public void verify() {
        if (report == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    private static View view(InstrumentReport r) {
        List<String> binLabels = new ArrayList<>();
        double width = (r.high() - r.low()) / CohortReportService.BINS;
        for (int b = 0; b < CohortReportService.BINS; b++) {
            binLabels.add(format1(r.low() + b * width) + "–" + format1(r.low() + (b + 1) * width));
        }
        StringBuilder charts = new StringBuilder();
        List<ChangeRow> changeRows = new ArrayList<>();
        List<CohortCharts.Change> changes = new ArrayList<>();
        boolean retrospective = false;
        for (SubscaleReport s : r.subscales()) {
            List<CohortCharts.Panel> panels = new ArrayList<>();
            for (int m = 0; m < r.milestones().size(); m++) {
                var d = s.distributions().get(m);
                panels.add(new CohortCharts.Panel(Bundle.text("cohort.milestoneN", r.milestones().get(m).title(),
                        r.milestones().get(m).respondents()), d.map(x -> x.bins()), d.map(x -> x.mean())));
            }
            charts.append("<figure class=\"cohort-figure\"><figcaption>").append(Html.escape(s.subscale().title()))
                    .append("</figcaption>").append(CohortCharts.histograms(Bundle.text("cohort.histogramLabel",
                            r.instrument().title(), s.subscale().title()), panels, binLabels, r.low(), r.high(),
                            Bundle.text("cohort.tooFewShort", ChangeStatistics.MIN_COHORT)))
                    .append("</figure>");
            changes.add(new CohortCharts.Change(s.subscale().title(), s.change().map(c -> new double[] {
                c.meanChange(), c.ciLow(), c.ciHigh()})));
            retrospective |= s.retrospectivePairs() > 0;
            changeRows.add(new ChangeRow(s.subscale().title(), change(s.change(), s.pairs()),
                    change(s.retrospectiveChange(), s.retrospectivePairs())));
        }
        List<Row> milestones = new ArrayList<>();
        for (int m = 0; m < r.milestones().size(); m++) {
            int index = m;
            milestones.add(new Row(r.milestones().get(m).title(), r.subscales().stream().map(s -> s.distributions()
                    .get(index).map(x -> Bundle.text("cohort.meanSd", format2(x.mean()), format2(x.sd()), x.n()))
                    .orElse(Bundle.text("cohort.tooFew", ChangeStatistics.MIN_COHORT))).toList()));
        }
        double span = Math.max(1, Math.ceil(changes.stream().flatMap(c -> c.meanLowHigh().stream())
                .mapToDouble(v -> Math.max(Math.abs(v[1]), Math.abs(v[2]))).max().orElse(1)));
        String changeChart = r.milestones().size() < 2 ? "" : CohortCharts.changes(Bundle.text("cohort.changeLabel",
                r.instrument().title(), r.first().title(), r.last().title()), changes, span,
                Bundle.text("cohort.tooFewShort", ChangeStatistics.MIN_COHORT));
        return new View(r.instrument().slug(), r.instrument().title(), charts.toString(), changeChart,
                r.subscales().stream().map(s -> s.subscale().title()).toList(), milestones, changeRows,
                Bundle.text("cohort.changeCaption", r.first().title(), r.last().title()), retrospective);
    }

    private static String change(Optional<ChangeStatistics.CohortChange> change, int pairs) {
        return change.map(c -> Bundle.text("cohort.changeCell", signed(c.meanChange()), signed(c.ciLow()),
                signed(c.ciHigh()), format2(c.effectSize()), c.n()))
                .orElse(pairs < ChangeStatistics.MIN_COHORT ? Bundle.text("cohort.tooFewPairs", pairs,
                        ChangeStatistics.MIN_COHORT) : Bundle.text("cohort.noSpread", pairs));
    }

    @Inject
    private RosterService rosters;

    private boolean roster;

    /** Whether the cohort is a course of a learning platform whose roster can be read. */
    public boolean isRoster() {
        return roster;
    }

    public String syncRoster() {
        try {
            var sync = rosters.sync(currentUser.require(), id);
            Bundle.info("roster.done", sync.added(), sync.alreadyMembers(), sync.skipped());
            Faces.getFlash().setKeepMessages(true);
            return "/staff/cohort?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), e.getMessage());
            return null;
        }
    }

    /** Writes the pseudonymised CSV as a download; a short key gets a message and nothing is sent. */
    public void export() {
        try {
            List<List<String>> rows = reports.pseudonymisedRows(currentUser.require(), id, exportKey);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CSVPrinter printer = CSVFormat.DEFAULT.print(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                for (List<String> row : rows) {
                    printer.printRecord(row.stream().map(CsvCells::safe).toList());
                }
            }
            Faces.sendFile(bytes.toByteArray(), "cohort-" + id + "-self-ratings.csv", true);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), CohortReportService.EXPORT_KEY_MIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAdmin() {
        return currentUser.require().getRole() == Role.SCHOOL_ADMIN;
    }

    public CohortReportService.Report getReport() {
        return report;
    }

    public List<View> getViews() {
        return views;
    }

    public Long getId() {
        return id;
    }

    public String getExportKey() {
        return exportKey;
    }

    public void setExportKey(String exportKey) {
        this.exportKey = exportKey;
    }

    public int getMinCohort() {
        return ChangeStatistics.MIN_COHORT;
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + format2(Math.abs(v));
    }

    private static String format2(double v) {
        return Numbers.decimals(v, 2);
    }

    private static String format1(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : Numbers.decimals(v, 1);
    }
}
