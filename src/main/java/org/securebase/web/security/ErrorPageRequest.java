package org.securebase.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The request as an error page sees it: a plain GET without the failed request's parameters. A refused or expired
 * form's view state and CSP nonce would otherwise make the error page itself a broken postback (PrimeFaces fails on
 * a foreign nonce, and a truncated page goes out).
 */
final class ErrorPageRequest extends HttpServletRequestWrapper {

    ErrorPageRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.emptyMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }
}
