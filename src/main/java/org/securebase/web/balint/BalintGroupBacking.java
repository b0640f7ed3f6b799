package org.securebase.web.balint;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.balint.BalintService;
import org.securebase.application.balint.BalintViews.GroupView;
import org.securebase.domain.NotFoundException;
import org.securebase.web.util.Bundle;

/**
 * /balint/group.xhtml?id=: a group. An invited person reads the confidentiality agreement and accepts it; a member
 * sees the sessions and may leave; the leader (and the school's administrator) schedules sessions and ends the
 * group. The administrator sees members and dates, never a session's text.
 */
@Named
@RequestScoped
public class BalintGroupBacking {

    @Inject
    private BalintService balint;

    @Inject
    private CurrentUser currentUser;

    @Inject
    @Param(name = "id")
    private Long id;

    private GroupView group;
    private boolean anonymous;
    private String firstOpens;
    private int daysOpen = 7;
    private int count = 6;
    private int everyDays = 14;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        try {
            group = balint.group(currentUser.require(), id);
        } catch (NotFoundException e) {
            group = null;
        }
        if (firstOpens == null) {
            firstOpens = LocalDateTime.now().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0)
                    .toString();
        }
    }

    public void verify() {
        if (group == null) {
            Faces.responseSendError(404, "not found");
        }
    }

    public String accept() {
        return act(() -> balint.accept(currentUser.require(), id), "balint.group.accepted");
    }

    public String leave() {
        String done = act(() -> balint.leave(currentUser.require(), id, anonymous), "balint.group.leftDone");
        return done == null ? null : "/balint/index?faces-redirect=true";
    }

    public String schedule() {
        LocalDateTime opens;
        try {
            opens = LocalDateTime.parse(firstOpens);
        } catch (DateTimeParseException | NullPointerException e) {
            Bundle.error("balint.error.date");
            return null;
        }
        return act(() -> balint.schedule(currentUser.require(), id, opens.atZone(ZoneId.systemDefault()).toInstant(),
                Duration.ofDays(daysOpen), count, everyDays), "balint.group.scheduled");
    }

    public String end() {
        return act(() -> balint.endGroup(currentUser.require(), id), "balint.group.endedDone");
    }

    private String act(Runnable action, String doneKey) {
        return BalintActions.act(action, doneKey, this::load, "/balint/group?faces-redirect=true&id=" + id);
    }

    public GroupView getGroup() {
        return group;
    }

    public Long getId() {
        return id;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public String getFirstOpens() {
        return firstOpens;
    }

    public void setFirstOpens(String firstOpens) {
        this.firstOpens = firstOpens;
    }

    public int getDaysOpen() {
        return daysOpen;
    }

    public void setDaysOpen(int daysOpen) {
        this.daysOpen = daysOpen;
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
    }

    public int getEveryDays() {
        return everyDays;
    }

    public void setEveryDays(int everyDays) {
        this.everyDays = everyDays;
    }
}
