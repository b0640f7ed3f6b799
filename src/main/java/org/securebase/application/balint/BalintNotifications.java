package org.securebase.application.balint;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.securebase.application.MailOutbox;
import org.securebase.application.MailTexts;
import org.securebase.application.PageLinks;
import org.securebase.domain.account.Account;
import org.securebase.domain.balint.BalintChanged;
import org.securebase.domain.balint.BalintSession;
import org.securebase.domain.review.Notification;

/**
 * When the leader opens a phase, the group's current members learn it in the app and by mail (queued in the same
 * transaction, so a phase that did not open sends nothing). The messages name the group, the session and the
 * phase: never anything anyone wrote.
 */
@Stateless
public class BalintNotifications {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    @Inject
    private PageLinks links;

    @Inject
    private Clock clock;

    public void on(@Observes BalintChanged event) {
        if (event.kind() != BalintChanged.Kind.PHASE) {
            return;
        }
        BalintSession session = em.find(BalintSession.class, event.sessionId());
        List<Account> members = em.createQuery("select a from BalintMembership m join m.account a "
                + "where m.group = :group and m.acceptedAt is not null and m.leftAt is null", Account.class)
                .setParameter("group", session.getGroup()).getResultList();
        String group = session.getGroup().getName();
        for (Account member : members) {
            String phase = MailTexts.text(member, "mail.balint.phase." + session.getPhase().name());
            em.persist(Notification.phaseOpened(member, session, group, clock.instant()));
            mail.queue(member.getEmail(),
                    MailTexts.text(member, "mail.BALINT_PHASE_OPENED.subject", group, phase),
                    MailTexts.text(member, "mail.BALINT_PHASE_OPENED.body", member.getDisplayName(), group,
                            session.getNumber(), phase, links.balintSession(session.getId())));
        }
    }
}
