package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.balint.BalintService;
import org.securebase.application.balint.BalintViews;
import org.securebase.application.balint.BalintViews.Purged;
import org.securebase.domain.BusinessException;
import org.securebase.domain.school.School;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /admin/balint.xhtml: the school's Balint settings (its own confidentiality agreement for new groups, how long a
 * group's session text is kept after it ends) and the retention rule run now rather than tonight.
 */
@Named
@RequestScoped
public class BalintSettingsBacking {

    @Inject
    private BalintService balint;

    @Inject
    private CurrentUser currentUser;

    private String agreement;
    private Integer retentionMonths;
    private List<BalintViews.DueForDeletion> due;

    @PostConstruct
    void load() {
        School school = currentUser.require().getSchool();
        agreement = school.balintAgreement().orElse("");
        retentionMonths = school.getBalintRetentionMonths();
    }

    public String save() {
        try {
            balint.settings(currentUser.require(), agreement, retentionMonths);
        } catch (BusinessException e) {
            Bundle.error(e.messageKey());
            return null;
        }
        Faces.getFlash().setKeepMessages(true);
        Bundle.info("balint.settings.saved");
        return "/admin/balint?faces-redirect=true";
    }

    public String purge() {
        List<Purged> purged = balint.purgeExpired(currentUser.require());
        Faces.getFlash().setKeepMessages(true);
        Bundle.info("balint.settings.purged", purged.size(), purged.stream().mapToLong(Purged::posts).sum());
        return "/admin/balint?faces-redirect=true";
    }

    /** The next groups whose text the rule deletes (twenty at most), for the page. */
    public List<BalintViews.DueForDeletion> getDue() {
        if (due == null) {
            due = balint.dueForDeletion(currentUser.require(), 20);
        }
        return due;
    }

    public String day(java.time.Instant instant) {
        return Times.day(instant);
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public Integer getRetentionMonths() {
        return retentionMonths;
    }

    public void setRetentionMonths(Integer retentionMonths) {
        this.retentionMonths = retentionMonths;
    }
}
