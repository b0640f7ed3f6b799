package org.securebase.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.privacy.ErasureService;
import org.securebase.application.privacy.RetentionService;
import org.securebase.domain.BusinessException;
import org.securebase.domain.account.Account;
import org.securebase.domain.privacy.ErasureRecord;
import org.securebase.domain.privacy.RetentionPolicy;
import org.securebase.domain.privacy.RetentionRun;
import org.securebase.domain.school.Programme;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /admin/privacy.xhtml: the school's retention (how long reflections and Balint texts are kept after a programme
 * ends, each programme's end), what retention deletes next and what it did, erasing an account (found by address),
 * and the erasure records.
 */
@Named
@RequestScoped
public class PrivacyBacking {

    @Inject
    private RetentionService retention;

    @Inject
    private ErasureService erasure;

    @Inject
    private CurrentUser currentUser;

    private Integer reflectionDays;
    private Integer balintDays;
    private List<Programme> programmes;
    private final Map<Long, LocalDate> ends = new LinkedHashMap<>();
    private List<RetentionService.Due> upcoming;
    private List<RetentionRun> runs;
    private List<ErasureRecord> erasures;
    private String email;

    @PostConstruct
    void load() {
        Account admin = currentUser.require();
        RetentionPolicy policy = retention.policy(admin);
        reflectionDays = policy.reflectionDays().orElse(null);
        balintDays = policy.balintDays().orElse(null);
        programmes = retention.programmes(admin);
        programmes.forEach(p -> ends.put(p.getId(), p.getEndsOn()));
        upcoming = retention.upcoming(admin);
        runs = retention.runs(admin);
        erasures = erasure.records(admin);
    }

    public String saveRetention() {
        try {
            retention.keep(currentUser.require(), reflectionDays, balintDays);
            for (Programme p : programmes) {
                retention.programmeEnds(currentUser.require(), p.getId(), ends.get(p.getId()));
            }
        } catch (BusinessException e) {
            Bundle.error(e.messageKey(), RetentionPolicy.MAX_DAYS);
            return null;
        }
        Bundle.info("privacy.retention.saved");
        Faces.getFlash().setKeepMessages(true);
        return "/admin/privacy?faces-redirect=true";
    }

    public String runNow() {
        RetentionRun run = retention.runNow(currentUser.require());
        Bundle.info("privacy.retention.ran", run.getReflectionsDeleted());
        Faces.getFlash().setKeepMessages(true);
        return "/admin/privacy?faces-redirect=true";
    }

    /** To the confirmation page of the account with this address, if it is of the school. */
    public String findAccount() {
        try {
            Account found = erasure.findInSchool(currentUser.require(), email);
            return "/admin/erase?faces-redirect=true&id=" + found.getId();
        } catch (BusinessException e) {
            Bundle.error("privacy.erase.noSuchAccount", email);
            return null;
        }
    }

    public boolean isPast(RetentionService.Due due) {
        return due.isPast(LocalDate.now(ZoneOffset.UTC));
    }

    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Faces.getLocale())
                .format(day);
    }

    public String when(java.time.Instant instant) {
        return Times.when(instant);
    }

    public Integer getReflectionDays() {
        return reflectionDays;
    }

    public void setReflectionDays(Integer reflectionDays) {
        this.reflectionDays = reflectionDays;
    }

    public Integer getBalintDays() {
        return balintDays;
    }

    public void setBalintDays(Integer balintDays) {
        this.balintDays = balintDays;
    }

    public List<Programme> getProgrammes() {
        return programmes;
    }

    public Map<Long, LocalDate> getEnds() {
        return ends;
    }

    public List<RetentionService.Due> getUpcoming() {
        return upcoming;
    }

    public List<RetentionRun> getRuns() {
        return runs;
    }

    public List<ErasureRecord> getErasures() {
        return erasures;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
