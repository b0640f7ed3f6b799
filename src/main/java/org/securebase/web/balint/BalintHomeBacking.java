package org.securebase.web.balint;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.securebase.application.CurrentUser;
import org.securebase.application.balint.BalintService;
import org.securebase.application.balint.BalintViews.GroupRow;
import org.securebase.domain.account.Role;

/** /balint/index.xhtml: the groups the person leads or belongs to; for an administrator, the school's. */
@Named
@RequestScoped
public class BalintHomeBacking {

    @Inject
    private BalintService balint;

    @Inject
    private CurrentUser currentUser;

    private List<GroupRow> groups;

    @PostConstruct
    void load() {
        groups = balint.groupsOf(currentUser.require());
    }

    public List<GroupRow> getGroups() {
        return groups;
    }

    public boolean isStaff() {
        return !currentUser.hasRole(Role.STUDENT);
    }

    public boolean isAdmin() {
        return currentUser.hasRole(Role.SCHOOL_ADMIN);
    }
}
