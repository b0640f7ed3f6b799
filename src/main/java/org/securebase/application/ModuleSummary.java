package org.securebase.application;

import java.util.List;

/** One row of a student's curriculum list. */
public record ModuleSummary(String slug, String title, List<String> patterns, String setting, int estimatedMinutes,
        String summaryHtml, int stages, ModuleStatus status) {
}
