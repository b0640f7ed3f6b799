package org.securebase.application;

import java.util.List;

/** One row of a student's curriculum list. */
public record ModuleSummary(String slug, String title, List<String> patterns, String setting, int estimatedMinutes,
        String summaryHtml, int stages, ModuleStatus status) {

    /**
     * The patterns the list may show: only once the student has submitted a reflection on the module (as the
     * commentary, which names the pattern, unlocks then). Shown earlier, the label would turn the case's
     * recognition questions into confirming a reading the student was handed in advance.
     */
    public List<String> patternsShown() {
        return switch (status) {
            case SUBMITTED, RETURNED, ACCEPTED -> patterns;
            case NOT_STARTED, IN_PROGRESS -> List.of();
        };
    }
}
