package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.securebase.application.AuditRow;
import org.securebase.application.CurrentUser;
import org.securebase.application.ReadAudit;
import org.securebase.web.util.Paging;
import org.securebase.web.util.ReviewDisplay;

/** /admin/audit.xhtml?page=: who read which student's reflection, for the school's administrator. */
@Named
@RequestScoped
public class AuditBacking {

    public static final int PAGE_SIZE = 50;

    @Inject
    private ReadAudit audit;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "page")
    private Integer page;

    private ReadAudit.AuditPage result;

    @PostConstruct
    void load() {
        result = audit.audit(currentUser.require(), Paging.offset(getPage(), PAGE_SIZE),
                PAGE_SIZE);
    }

    public List<AuditRow> getRows() {
        return result.rows();
    }

    public long getTotal() {
        return result.total();
    }

    public int getPage() {
        return Paging.page(page);
    }

    public int getPages() {
        return Paging.pages(result.total(), PAGE_SIZE);
    }

    public String when(Instant instant) {
        return ReviewDisplay.when(instant);
    }
}
