package org.securebase.web.util;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The version in the addresses of the application's own stylesheets, scripts and images ({@code ?v=...}, through
 * OmniFaces' VersionedResourceHandler): a hash of every file under {@code /resources}, so the address changes
 * exactly when a file does, and browsers may keep them for a year.
 */
@Named("resourceVersion")
@ApplicationScoped
public class ResourceVersion {

    @Inject
    private ServletContext context;

    private String value;

    public synchronized String getValue() {
        if (value == null) {
            value = hash(context);
        }
        return value;
    }

    static String hash(ServletContext context) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String path : files(context, "/resources/", new TreeSet<>())) {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = context.getResourceAsStream(path)) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> files(ServletContext context, String folder, Set<String> found) {
        Set<String> paths = context.getResourcePaths(folder);
        if (paths != null) {
            for (String path : paths) {
                if (path.endsWith("/")) {
                    files(context, path, found);
                } else {
                    found.add(path);
                }
            }
        }
        return found;
    }
}
