package org.securebase.web.balint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
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
 */
@ApplicationScoped
public class BalintLive {

    private static final Logger LOG = Logger.getLogger(BalintLive.class.getName());

    /** An open socket: whose it is and which session it follows. */
    record Follower(long accountId, long sessionId) {
    }

    private final Map<Session, Follower> sockets = new ConcurrentHashMap<>();

    @Inject
    private BalintService balint;

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

    void left(@Observes(during = TransactionPhase.AFTER_SUCCESS) BalintMemberLeft event) {
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
