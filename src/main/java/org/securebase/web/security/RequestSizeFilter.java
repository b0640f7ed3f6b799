package org.securebase.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.ResourceBundle;
import org.securebase.web.util.Html;

/**
 * Answers 413 with a page that says so, before anything reads a body larger than the application accepts: a
 * plain form at most 2 MB (the container's own limit, past which it would fail with a 500), an upload at most
 * 6 MB (web.xml's multipart limit), any other body (the JSON API) at most 2 MB. A reflection answer is at most
 * 100,000 characters; the API says "tooLong" for those.
 */
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final long FORM_MAX = 2L * 1024 * 1024;
    static final long UPLOAD_MAX = 6L * 1024 * 1024;
    /** Bodies up to this size are read and dropped before the answer; larger ones end the connection. */
    static final long DRAIN_MAX = 64L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long max = type.startsWith("multipart/") ? UPLOAD_MAX : FORM_MAX;
        if (length > max) {
            if (length <= DRAIN_MAX) {
                // Read and drop the body, so the client hears the answer instead of a reset connection.
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            } else {
                response.setHeader("Connection", "close");
            }
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("application/json");
                response.getWriter().write("{\"reason\":\"tooLarge\"}");
            } else {
                // A plain page, not the Faces error page: rendering one would make the container parse the
                // oversized form after all (it fails with a 500).
                ResourceBundle text = ResourceBundle.getBundle("org.securebase.web.messages",
                        request.getLocale());
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"" + text.getLocale().toLanguageTag()
                        + "\"><head><meta charset=\"utf-8\"><title>" + Html.escape(text.getString("error.413.title"))
                        + "</title></head><body><main><h1>" + Html.escape(text.getString("error.413.title"))
                        + "</h1><p>" + Html.escape(text.getString("error.413.text")) + "</p><p><a href=\""
                        + Html.escape(request.getContextPath()) + "/\">" + Html.escape(text.getString("error.home"))
                        + "</a></p></main></body></html>");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
