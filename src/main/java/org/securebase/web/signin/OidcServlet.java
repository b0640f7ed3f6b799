package org.securebase.web.signin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.securebase.application.Caller;
import org.securebase.application.signin.OidcSignInService;
import org.securebase.application.signin.PendingSignIn;
import org.securebase.application.signin.SignInFailure;
import org.securebase.domain.account.SignInRefusal;
import org.securebase.web.lti.LtiUrls;
import org.securebase.web.security.Sessions;

/**
 * {@code GET /signin/<id>}: sends the browser to the sign-in page of the school's provider with that registration
 * id (the login page's "Sign in with …" buttons point here; a school may link it from its own portal).
 * {@code GET /signin/callback}: the provider's answer; a sign-in this browser's session began, once; the person
 * is signed in as after a password (a new session id, then their home page), or refused with a page saying why.
 */
@WebServlet("/signin/*")
public class OidcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OidcServlet.class.getName());

    @Inject
    private OidcSignInService signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (path.equals("/callback")) {
                callback(request, response);
            } else if (path.matches("/[0-9]{1,18}")) {
                start(Long.parseLong(path.substring(1)), request, response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (SignInFailure failure) {
            refuse(request, response, failure);
        }
    }

    private void start(long providerId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OidcSignInService.Begun begun = signIn.begin(providerId, callbackAddress(request));
        PendingSignIns.add(request, begun.pending());
        response.sendRedirect(begun.authorizationUri().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PendingSignIn> pending = PendingSignIns.take(request, request.getParameter("state"));
        if (pending.isEmpty()) {
            throw new SignInFailure(SignInRefusal.STATE, "no pending sign-in for this state in this session");
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        URI callback = URI.create(callbackAddress(request) + "?" + query);
        OidcSignInService.SignedIn signedIn = signIn.complete(pending.get(), callback, callbackAddress(request),
                URI.create(LtiUrls.base(request) + "/login.xhtml?signedOut=true"));
        Optional<String> target = Sessions.takeContinue(request);
        Sessions.signIn(request, Caller.of(signedIn.account()));
        ProviderLogout.remember(request,
                signedIn.providerLogout() == null ? null : signedIn.providerLogout().toString());
        String context = request.getContextPath();
        response.sendRedirect(target.filter(t -> t.startsWith(context + "/") && !t.startsWith("//"))
                .orElse(context + "/index.xhtml"));
    }

    private static URI callbackAddress(HttpServletRequest request) {
        return URI.create(LtiUrls.base(request) + "/signin/callback");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, SignInFailure failure)
            throws ServletException, IOException {
        LOG.warning(() -> "sign-in through a provider refused from " + request.getRemoteAddr() + ": "
                + failure.getMessage());
        response.setStatus(switch (failure.reason()) {
            case UNKNOWN_PROVIDER -> HttpServletResponse.SC_NOT_FOUND;
            case PROVIDER -> HttpServletResponse.SC_BAD_GATEWAY;
            case STATE -> HttpServletResponse.SC_BAD_REQUEST;
            default -> HttpServletResponse.SC_FORBIDDEN;
        });
        request.setAttribute("signinReason", failure.reason().name());
        request.getRequestDispatcher("/signin-refused.xhtml").forward(request, response);
    }
}
