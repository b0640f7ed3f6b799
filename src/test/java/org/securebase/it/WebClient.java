package org.securebase.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One person's browser without the browser: real HTTP, a cookie jar, the real login form. */
final class WebClient {

    static final String PASSWORD = "Secure-Base-2026";
    private static final Pattern VIEW_STATE = Pattern
            .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    /** The client address the installation's trusted proxy reports (X-Forwarded-For), or none. */
    private String forwardedFor;
    /** The languages the client asks for (Accept-Language), or none. */
    private String language;

    WebClient(URI base) {
        this(base, new CookieManager());
    }

    private WebClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(new LocalCookies(cookies))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Keeps Secure cookies over plain HTTP, as browsers do for localhost: the tests run without TLS, also in the
     * mode where the session cookie is {@code SameSite=None; Secure} (inside a learning platform's frame).
     */
    private static final class LocalCookies extends CookieHandler {

        private final CookieManager inner;

        LocalCookies(CookieManager inner) {
            this.inner = inner;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
                throws IOException {
            return inner.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> plain = new LinkedHashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            inner.put(uri, plain);
        }
    }

    /** Requests from now on come, as the trusted proxy (loopback in the tests) reports it, from this address. */
    WebClient from(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** Requests from now on ask for pages in this language, as a browser set to it does. */
    WebClient speaking(String languageTag) {
        this.language = languageTag;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** Follows redirects within the application, as a browser would. */
    HttpResponse<String> follow(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            response = send(HttpRequest.newBuilder(response.uri().resolve(
                    response.headers().firstValue("Location").orElseThrow())).GET().build());
        }
        return response;
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A JSON PUT with one more header, e.g. what a browser says about where the request came from. */
    HttpResponse<String> putJson(String path, String json, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header(header, value).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A form post as a browser sends it from inside a frame (Sec-Fetch-Dest: iframe). */
    HttpResponse<String> postFormInFrame(String path, Map<String, String> form) {
        return postForm(path, form, "Sec-Fetch-Dest", "iframe");
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, form, "Accept", "*/*");
    }

    private HttpResponse<String> postForm(String path, Map<String, String> form, String header, String value) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Posts a Faces form as a browser would after loading {@code page} from {@code path}: the form's own marker,
     * its fields, the view state and the page's CSP nonce.
     */
    HttpResponse<String> postFaces(String path, String page, String formId, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", nonce(page));
        return postForm(path, form);
    }

    /** Posts a Faces form whose answer is a file (a download): the answer's bytes, unchanged. */
    HttpResponse<byte[]> postFacesForBytes(String path, String page, String formId, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", nonce(page));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String origin() {
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** A Faces form post whose fields may repeat a name (a group of checkboxes). */
    HttpResponse<String> postFaces(String path, String page, String formId, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        form.add(Map.entry(formId, formId));
        form.addAll(fields);
        form.add(Map.entry("jakarta.faces.ViewState", viewState(page)));
        form.add(Map.entry("primefaces.nonce", nonce(page)));
        String body = form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a Faces form with {@code enctype="multipart/form-data"}, with one file. */
    HttpResponse<String> postMultipart(String path, String page, String formId, Map<String, String> fields,
            String fileField, String fileName, String fileContent) {
        String boundary = "----securebase" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>();
        all.put(formId, formId);
        all.putAll(fields);
        all.put("jakarta.faces.ViewState", viewState(page));
        all.put("primefaces.nonce", nonce(page));
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(fileContent).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    /** Posts a multipart Faces form with one binary file. */
    HttpResponse<String> postMultipartBytes(String path, String page, String formId, Map<String, String> fields,
            String fileField, String fileName, String contentType, byte[] content) {
        String boundary = "----securebase" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>();
        all.put(formId, formId);
        all.putAll(fields);
        all.put("jakarta.faces.ViewState", viewState(page));
        all.put("primefaces.nonce", nonce(page));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        all.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(contentType)
                .append("\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Signs in through the login page; returns the response to the form post. */
    HttpResponse<String> signIn(String email, String password) {
        String page = get("login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        // PrimeFaces in CSP mode checks the page's nonce on every postback; its script sends it in a browser.
        form.put("primefaces.nonce", nonce(page));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    WebClient signIn(String email) {
        HttpResponse<String> response = signIn(email, PASSWORD);
        if (response.statusCode() != 302) {
            throw new AssertionError("sign-in of " + email + " failed: " + response.statusCode());
        }
        return this;
    }

    /** The same browser, its cookies and all, talking to another address (one server of a cluster, directly). */
    WebClient at(URI other) {
        return new WebClient(other, cookies);
    }

    /** The cookies this browser sends, as a Cookie header (for a WebSocket opened beside it). */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    void forgetSession() {
        cookies.getCookieStore().removeAll();
    }

    static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no view state in page");
        }
        return m.group(1);
    }

    static String json(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String nonce(String page) {
        Matcher m = NONCE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSP nonce in page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor)
                    .build();
        }
        if (language != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Accept-Language", language)
                    .build();
        }
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
