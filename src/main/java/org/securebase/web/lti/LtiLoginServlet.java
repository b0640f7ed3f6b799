package org.securebase.web.lti;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.securebase.application.lti.LaunchService;
import org.securebase.application.lti.LtiFailure;

/**
 * /lti/login: OIDC third-party login initiation. The platform sends the browser here (GET or POST) with its
 * issuer and a login hint; the tool answers with a redirect to the platform's authorization endpoint carrying a
 * fresh state and nonce.
 */
@WebServlet("/lti/login")
public class LtiLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private LaunchService lti;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            String location = lti.startLogin(request.getParameter("iss"), request.getParameter("client_id"),
                    request.getParameter("login_hint"), request.getParameter("lti_message_hint"),
                    LtiUrls.launch(request));
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(location);
        } catch (LtiFailure e) {
            LtiErrors.show(request, response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        doGet(request, response);
    }
}
