package org.securebase.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.securebase.application.CurrentUser;
import org.securebase.application.NotificationItem;
import org.securebase.application.NotificationService;
import org.securebase.domain.account.Role;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/** The in-app inbox on the home pages: the latest notifications, the unread ones marked. */
@Named
@RequestScoped
public class NotificationBacking {

    private static final int SHOWN = 10;

    @Inject
    private NotificationService notifications;

    @Inject
    private CurrentUser currentUser;

    private List<NotificationItem> items;

    public List<NotificationItem> getItems() {
        if (items == null) {
            items = notifications.inbox(currentUser.require(), SHOWN);
        }
        return items;
    }

    public boolean isAnyUnread() {
        return getItems().stream().anyMatch(NotificationItem::unread);
    }

    public String text(NotificationItem item) {
        return Bundle.text("notifications." + item.kind().name(), item.subject());
    }

    public String link(NotificationItem item) {
        if (item.link() != null) {
            return Faces.getRequestContextPath() + item.link();
        }
        if (item.balintSessionId() != null) {
            return Faces.getRequestContextPath() + "/balint/session.xhtml?id=" + item.balintSessionId();
        }
        String page = currentUser.require().getRole() == Role.TUTOR ? "/tutor/review.xhtml"
                : "/student/reflection.xhtml";
        return Faces.getRequestContextPath() + page + "?id=" + item.reflectionId();
    }

    public String when(NotificationItem item) {
        return ReviewDisplay.when(item.createdAt());
    }

    public String markAllRead() {
        notifications.markAllRead(currentUser.require());
        return Faces.getViewId() + "?faces-redirect=true";
    }
}
