package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.omnifaces.cdi.Param;
import org.securebase.application.CurrentUser;
import org.securebase.application.MailOutbox;
import org.securebase.application.MailRow;
import org.securebase.web.util.Paging;
import org.securebase.web.util.ReviewDisplay;

/** /admin/mail.xhtml?page=: the school's mail in the outbox (waiting, sent, refused, given up), for its administrator. */
@Named
@RequestScoped
public class MailBacking {

    public static final int PAGE_SIZE = 50;

    @Inject
    private MailOutbox outbox;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "page")
    private Integer page;

    private MailOutbox.Page result;
    private List<String> counts;

    @PostConstruct
    void load() {
        result = outbox.page(currentUser.require(), Paging.offset(getPage(), PAGE_SIZE), PAGE_SIZE);
        counts = result.counts().stream().map(c -> c[0] + ": " + c[1]).toList();
    }

    public List<MailRow> getRows() {
        return result.rows();
    }

    public List<String> getCounts() {
        return counts;
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
        return instant == null ? "" : ReviewDisplay.when(instant);
    }
}
