package org.securebase.web.balint;

import fish.payara.micro.cdi.ClusteredCDIEventBus;
import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.securebase.application.balint.BalintService;
import org.securebase.domain.balint.BalintChanged;
import org.securebase.domain.balint.BalintMemberLeft;

/**
 * The open live pages of Balint sessions, and the push to them once a change has committed. Before each push the
 * session's current followers (its leader and the group's current members) are read again, so a member who has
 * left receives nothing more, and their sockets are closed the moment they leave.
 *
 * <p>On two servers a session's people are spread over both: each change is also sent to the other servers of the
 * Payara cluster (its clustered CDI events, over Hazelcast), whose own open pages get the same push. Only the ids
 * travel, as here.
 */
@ApplicationScoped
public class BalintLive {

    private static final Logger LOG = Logger.getLogger(BalintLive.class.getName());

    /** An open socket: whose it is and which session it follows. */
    record Follower(long accountId, long sessionId) {
    }

    /** A change made on another server of the cluster: one of {@link BalintChanged}, {@link BalintMemberLeft}. */
    record Elsewhere(Serializable change) implements Serializable {
    }

    private final Map<Session, Follower> sockets = new ConcurrentHashMap<>();

    @Inject
    private BalintService balint;

    @Inject
    private ClusteredCDIEventBus bus;

    @Inject
    @Outbound
    private Event<Elsewhere> others;

    /** Receives the other servers' changes from the start. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bus.initialize();
    }

    void fromElsewhere(@Observes @Inbound Elsewhere news) {
        if (news.change() instanceof BalintChanged changed) {
            push(changed);
        } else if (news.change() instanceof BalintMemberLeft left) {
            shutFor(left);
        }
    }

    /** Keeps the socket if the account may follow the session now. */
    boolean register(Session socket, long accountId, long sessionId) {
        if (sessionId < 0 || !balint.follows(accountId, sessionId)) {
            return false;
        }
        sockets.put(socket, new Follower(accountId, sessionId));
        return true;
    }

    void forget(Session socket) {
        sockets.remove(socket);
    }

    void pushed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BalintChanged event) {
        push(event);
        tellOthers(event);
    }

    void left(@Observes(during = TransactionPhase.AFTER_SUCCESS) BalintMemberLeft event) {
        shutFor(event);
        tellOthers(event);
    }

    private void tellOthers(Serializable change) {
        try {
            others.fire(new Elsewhere(change));
        } catch (RuntimeException e) {
            // The pages here have had their push; the other servers' pages catch up at their next load.
            LOG.log(Level.WARNING, "a Balint change not sent to the other servers", e);
        }
    }

    private void push(BalintChanged event) {
        Set<Long> allowed = null;
        for (Map.Entry<Session, Follower> e : sockets.entrySet()) {
            if (e.getValue().sessionId() != event.sessionId()) {
                continue;
            }
            if (allowed == null) {
                allowed = balint.followerIds(event.sessionId());
            }
            Session socket = e.getKey();
            if (!allowed.contains(e.getValue().accountId())) {
                shut(socket);
            } else if (socket.isOpen()) {
                socket.getAsyncRemote().sendText("{\"type\":\"" + event.kind().name().toLowerCase() + "\"}");
            }
        }
    }

    private void shutFor(BalintMemberLeft event) {
        Set<Long> allowed = null;
        for (Map.Entry<Session, Follower> e : sockets.entrySet()) {
            if (e.getValue().accountId() == event.accountId()) {
                if (allowed == null) {
                    allowed = balint.followerIds(e.getValue().sessionId());
                }
                if (!allowed.contains(event.accountId())) {
                    shut(e.getKey());
                }
            }
        }
    }

    private void shut(Session socket) {
        sockets.remove(socket);
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not a member"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a socket", e);
        }
    }
}
