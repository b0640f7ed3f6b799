package org.securebase.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.AccountService;
import org.securebase.application.CurrentUser;
import org.securebase.application.privacy.ConsentService;
import org.securebase.application.privacy.DataExportService;
import org.securebase.domain.account.Account;
import org.securebase.domain.account.Role;
import org.securebase.domain.privacy.ResearchConsent;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.Times;

/**
 * /profile.xhtml, for every role: the person's language and time zone, their research consent (trainees), and
 * "Download my data". Also the consent question on the student's home page, asked until answered once.
 */
@Named
@RequestScoped
public class ProfileBacking {

    /** Region zones (Europe/London, America/Sao_Paulo) and UTC, sorted: what the time zone list offers. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                    l -> {
                        l.add(0, "UTC");
                        return List.copyOf(l);
                    }));

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AccountService accounts;

    @Inject
    private ConsentService consent;

    @Inject
    private DataExportService export;

    private Account account;
    private ResearchConsent decision;
    private String zone;
    private String language;

    @PostConstruct
    void load() {
        account = currentUser.account().orElse(null);
        if (account == null) {
            return;
        }
        decision = account.getRole() == Role.STUDENT ? consent.current(account).orElse(null) : null;
        zone = Times.zone().getId();
        language = Account.language(Faces.getLocale().toLanguageTag());
    }

    public String saveZone() {
        if (!accounts.chooseZone(account, zone)) {
            Bundle.error("profile.zone.unknown");
            return null;
        }
        Faces.getSession().setAttribute(Times.SESSION_ZONE, zone);
        Bundle.info("profile.zone.saved", zone);
        Faces.getFlash().setKeepMessages(true);
        return "/profile?faces-redirect=true";
    }

    public String saveLanguage() {
        String tag = Account.language(language);
        if (tag == null) {
            return null;
        }
        Faces.getSession().setAttribute(LocaleBacking.SESSION_LOCALE, tag);
        accounts.chooseLanguage(account, tag);
        return "/profile?faces-redirect=true";
    }

    /** Agrees to research use (the question on the home page, or the profile page). */
    public String agree() {
        consent.decide(account, true);
        Bundle.info("consent.saved.yes");
        Faces.getFlash().setKeepMessages(true);
        return Faces.getViewId().startsWith("/student/") ? "/student/index?faces-redirect=true"
                : "/profile?faces-redirect=true";
    }

    /** Declines, or withdraws an earlier yes: later research exports leave the person out. */
    public String decline() {
        boolean withdrawn = decision != null && decision.isConsented();
        consent.decide(account, false);
        Bundle.info(withdrawn ? "consent.saved.withdrawn" : "consent.saved.no");
        Faces.getFlash().setKeepMessages(true);
        return Faces.getViewId().startsWith("/student/") ? "/student/index?faces-redirect=true"
                : "/profile?faces-redirect=true";
    }

    /** Sends the ZIP of all the person's data. */
    public void download() {
        byte[] zip = export.export(account);
        Faces.sendFile(zip, "my-data-securebase.zip", true);
    }

    /** Whether the consent question is still to be asked (a trainee who never answered). */
    public boolean isAskConsent() {
        return account != null && account.getRole() == Role.STUDENT && decision == null;
    }

    public boolean isStudent() {
        return account != null && account.getRole() == Role.STUDENT;
    }

    public ResearchConsent getDecision() {
        return decision;
    }

    public String getDecidedAt() {
        return decision == null ? "" : Times.when(decision.getDecidedAt());
    }

    public Account getAccount() {
        return account;
    }

    public List<String> getZones() {
        return ZONES;
    }

    public List<String> getLanguages() {
        return Account.LANGUAGES;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Now, in the person's zone: so they can check the setting at a glance. */
    public String getNow() {
        return Times.when(java.time.Instant.now());
    }
}
