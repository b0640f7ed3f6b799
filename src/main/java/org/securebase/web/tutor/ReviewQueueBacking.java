package org.securebase.web.tutor;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.cdi.Param;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReviewQueueRow;
import org.securebase.application.ReviewQueueService;
import org.securebase.application.content.ContentCatalog;
import org.securebase.domain.module.ModuleDefinition;
import org.securebase.domain.reflection.ReflectionStatus;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Paging;
import org.securebase.web.util.ReviewDisplay;
import org.securebase.web.util.Times;

/**
 * The review queue on /tutor/index.xhtml: a plain GET form of filters and numbered pages, so a filtered page can
 * be bookmarked, reloaded and opened in another tab. Filtering, ordering and paging happen in the database.
 */
@Named
@RequestScoped
public class ReviewQueueBacking {

    public static final int PAGE_SIZE = 20;

    @Inject
    private ReviewQueueService reviews;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ContentCatalog catalog;

    @Inject
    private LocaleBacking language;

    @Inject
    @Param(name = "module")
    private String module;

    @Inject
    @Param(name = "status")
    private String status;

    @Inject
    @Param(name = "student")
    private String student;

    @Inject
    @Param(name = "from")
    private String from;

    @Inject
    @Param(name = "to")
    private String to;

    @Inject
    @Param(name = "page")
    private String page;

    private ReviewQueueService.QueuePage result;
    private Map<String, String> modules;
    private int pageNumber;
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void load() {
        ReflectionStatus statusFilter = status == null ? ReflectionStatus.SUBMITTED : switch (status) {
            case "SUBMITTED", "RETURNED", "ACCEPTED" -> ReflectionStatus.valueOf(status);
            default -> null;
        };
        pageNumber = Math.max(1, parseInt(page));
        ReviewQueueService.QueueFilter filter = new ReviewQueueService.QueueFilter(blankToNull(module), statusFilter,
                blankToNull(student), date(from, "from"), date(to, "to"), Times.zone());
        result = reviews.queue(currentUser.require(), filter, Paging.offset(pageNumber, PAGE_SIZE),
                PAGE_SIZE);
        modules = reviews.queueModules(currentUser.require());
    }

    private LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field);
            return null;
        }
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The page's rows, each module's title in the reader's language where the module is translated. */
    public List<ReviewQueueRow> getRows() {
        return result.rows().stream().map(r -> new ReviewQueueRow(r.reflectionId(), r.student(), r.slug(),
                title(r.slug(), r.moduleTitle()), r.status(), r.submittedAt(), r.due(), r.extended(), r.standing()))
                .toList();
    }

    private String title(String slug, String original) {
        return catalog.moduleTranslation(slug, language.getLocale()).map(ModuleDefinition::title).orElse(original);
    }

    public long getTotal() {
        return result.total();
    }

    /** More than {@link ReviewQueueService#COUNT_CAP} match: the count says so rather than counting on. */
    public boolean isMore() {
        return result.more();
    }

    public int getPage() {
        return pageNumber;
    }

    /** Pages to link to: beyond the counted ones, one more page at a time while more follow. */
    public int getPages() {
        int counted = Paging.pages(result.total(), PAGE_SIZE);
        return result.more() ? Math.max(counted, pageNumber + (result.rows().size() == PAGE_SIZE ? 1 : 0)) : counted;
    }

    /** The query string for another page with the same filters. */
    public String pageLink(int number) {
        StringBuilder q = new StringBuilder("?page=").append(number);
        append(q, "module", module);
        append(q, "status", status);
        append(q, "student", student);
        append(q, "from", from);
        append(q, "to", to);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public String when(Instant instant) {
        return instant == null ? "" : ReviewDisplay.when(instant);
    }

    public List<Map.Entry<String, String>> getModules() {
        return modules.entrySet().stream().map(e -> Map.entry(e.getKey(), title(e.getKey(), e.getValue()))).toList();
    }

    /** The page numbers to link to: all of them when few, else the first, last and those near this one. */
    public List<Integer> getPageNumbers() {
        List<Integer> numbers = new ArrayList<>();
        int pages = getPages();
        for (int n = 1; n <= pages; n++) {
            if (pages <= 9 || n == 1 || n == pages || Math.abs(n - pageNumber) <= 2) {
                numbers.add(n);
            }
        }
        return numbers;
    }

    public String getModule() {
        return module == null ? "" : module;
    }

    /** The status filter as chosen: SUBMITTED by default, "" for all. */
    public String getStatus() {
        return status == null ? "SUBMITTED" : status;
    }

    public String getStudent() {
        return student == null ? "" : student;
    }

    public String getFrom() {
        return from == null ? "" : from;
    }

    public String getTo() {
        return to == null ? "" : to;
    }

    public List<String> getProblems() {
        return problems;
    }
}
