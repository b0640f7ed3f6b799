package org.securebase.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak (the keycloak-quarkus-dist the build unpacks into target/keycloak) on loopback, in development
 * mode with an in-memory database and the realm src/test/resources/keycloak/securebase-realm.json imported at
 * start. Keycloak needs Java 21 or newer; the application and its tests stay on 17. Without such a JDK (none in
 * KEYCLOAK_JAVA_HOME, none under /usr/lib/jvm) the tests that need it are skipped, saying so, never passed.
 */
final class TestKeycloak implements AutoCloseable {

    static final String REALM = "securebase";

    private final Process process;
    private final int port;
    private Duration startTime;

    /** On a free loopback port. */
    TestKeycloak() throws IOException, InterruptedException {
        this(freePort());
    }

    TestKeycloak(int port) throws IOException, InterruptedException {
        this.port = port;
        Optional<Path> java = java21();
        if (java.isEmpty()) {
            String why = "SKIPPED: no JDK 21 or newer for Keycloak (set KEYCLOAK_JAVA_HOME, or install one under"
                    + " /usr/lib/jvm): the OpenID Connect sign-in tests did not run";
            System.err.println(why);
            Assumptions.abort(why);
        }
        Path home = Path.of(System.getProperty("it.keycloak.home", "target/keycloak/missing"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": the build unpacks it (pre-integration-test)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(Path.of(System.getProperty("it.keycloak.realm")), imports.resolve("securebase-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = Path.of("target", "keycloak.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--db=dev-mem", "--import-realm",
                "--log-level=warn").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File(log.toString())));
        builder.environment().put("JAVA_HOME", java.get().toString());
        // The management interface (port 9000) is off in development mode without health or metrics; no JVM
        // debug port either.
        builder.environment().remove("DEBUG");
        long started = System.nanoTime();
        process = builder.start();
        // Stopped even when the test JVM ends without running the tests' own clean-up.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        for (int i = 0; i < 360 && process.isAlive(); i++) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startTime = Duration.ofNanos(System.nanoTime() - started);
                    System.out.println("Keycloak started in " + startTime.toMillis() + " ms on port " + port);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not start on port " + port + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    Duration startTime() {
        return startTime;
    }

    /** KEYCLOAK_JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm (by its release file). */
    static Optional<Path> java21() {
        String given = System.getenv("KEYCLOAK_JAVA_HOME");
        if (given != null && !given.isBlank() && major(Path.of(given)) >= 21) {
            return Optional.of(Path.of(given));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            List<Path> usable = homes.filter(h -> major(h) >= 21)
                    .sorted((a, b) -> Integer.compare(major(b), major(a))).toList();
            return usable.stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isReadable(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle p : all) {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // forced below
        }
        all.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
