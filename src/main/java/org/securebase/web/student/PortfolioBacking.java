package org.securebase.web.student;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.portfolio.PortfolioService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.NotFoundException;
import org.securebase.domain.portfolio.PortfolioItem;
import org.securebase.web.LocaleBacking;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/**
 * /student/portfolio.xhtml: the trainee picks what goes into their portfolio PDF and downloads it; below, the codes
 * they issued, each of which they can revoke. The choices are plain form fields read here, so that whatever is
 * posted goes through the service's ownership check: anything not the trainee's is "not found".
 */
@Named
@RequestScoped
public class PortfolioBacking {

    @Inject
    private PortfolioService portfolio;

    @Inject
    private PortfolioPdfComposer composer;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleBacking language;

    private List<PortfolioService.Choice> choices;
    private boolean selfRatings;
    private List<PortfolioService.Verification> issued;

    @PostConstruct
    void load() {
        choices = portfolio.choices(currentUser.require(), language.getLocale());
        selfRatings = portfolio.hasSelfRatings(currentUser.require());
        issued = portfolio.issued(currentUser.require());
    }

    /** Makes the PDF and sends it as a download; on a problem the page says what, and nothing is issued. */
    public void download() throws IOException {
        List<Long> ids = new ArrayList<>();
        String[] values = Faces.getRequestParameterValues("reflection");
        try {
            for (String v : values == null ? new String[0] : values) {
                ids.add(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            Faces.responseSendError(404, "not found");
            return;
        }
        PortfolioService.Selection selection = new PortfolioService.Selection(ids,
                Faces.getRequestParameter("ratings") != null, Faces.getRequestParameter("mirror") != null);
        try {
            PortfolioService.Issued pdf = portfolio.issue(currentUser.require(), selection, language.getLocale(),
                    composer);
            Faces.sendFile(pdf.pdf(), pdf.fileName(), true);
        } catch (NotFoundException e) {
            Faces.responseSendError(404, "not found");
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
        }
    }

    public void revoke() throws IOException {
        try {
            portfolio.revoke(currentUser.require(), Faces.getRequestParameter("code"));
            issued = portfolio.issued(currentUser.require());
            Bundle.info("portfolio.revoked", Faces.getRequestParameter("code"));
        } catch (NotFoundException e) {
            Faces.responseSendError(404, "not found");
        }
    }

    /** "2 reflections, 1 chart, the mirror" in words. */
    public String summary(PortfolioService.Verification v) {
        return Bundle.text("portfolio.summary", v.count(PortfolioItem.Kind.REFLECTION),
                v.count(PortfolioItem.Kind.SELF_RATING), v.count(PortfolioItem.Kind.MIRROR));
    }

    public String when(Instant instant) {
        return ReviewDisplay.when(instant);
    }

    public List<PortfolioService.Choice> getChoices() {
        return choices;
    }

    public boolean isSelfRatings() {
        return selfRatings;
    }

    public List<PortfolioService.Verification> getIssued() {
        return issued;
    }
}
