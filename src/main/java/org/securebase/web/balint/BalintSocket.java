package org.securebase.web.balint;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import org.securebase.application.Caller;
import org.securebase.web.security.Sessions;

/**
 * The live channel of one Balint session's page: the server says "something new" and the page fetches what the
 * reader may see through the API. Who connects is the signed-in person of the HTTP session (taken at the
 * handshake, never from the browser's message); the connection is kept only if they sit in the session now, and
 * {@link BalintLive} checks again before every push. The messages carry no text of anyone's.
 */
@ServerEndpoint(value = "/balint/live/{session}", configurator = BalintSocket.CallerFromSession.class)
public class BalintSocket {

    static final String CALLER = "securebase.balint.caller";

    /** Copies the signed-in caller from the HTTP session into the socket's properties. */
    public static class CallerFromSession extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                HandshakeResponse response) {
            Object session = request.getHttpSession();
            config.getUserProperties().remove(CALLER);
            if (session instanceof HttpSession http) {
                Sessions.caller(http).ifPresent(caller -> config.getUserProperties().put(CALLER, caller));
            }
        }
    }

    @OnOpen
    public void open(Session socket, @PathParam("session") String sessionId) throws IOException {
        Object caller = socket.getUserProperties().get(CALLER);
        long id;
        try {
            id = Long.parseLong(sessionId);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (!(caller instanceof Caller c) || !live().register(socket, c.accountId(), id)) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not found"));
        }
    }

    @OnClose
    public void close(Session socket) {
        live().forget(socket);
    }

    @OnError
    public void error(Session socket, Throwable thrown) {
        live().forget(socket);
    }

    private static BalintLive live() {
        return CDI.current().select(BalintLive.class).get();
    }
}
