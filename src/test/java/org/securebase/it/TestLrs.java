package org.securebase.it;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The npm package xapi-statements run as a Learning Record Store on loopback, storing in memory: installed under
 * .lrs/ by scripts/test, started and stopped by the tests that need it.
 */
final class TestLrs implements AutoCloseable {

    private final Process process;

    TestLrs(int port) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("it.lrs.dir", ".lrs"));
        Path main = dir.resolve("node_modules/xapi-statements/dist/index.js");
        if (!Files.exists(main)) {
            throw new IllegalStateException("no test LRS at " + main + ": run scripts/test, which installs it");
        }
        Path storage = Files.createTempDirectory("securebase-lrs");
        ProcessBuilder builder = new ProcessBuilder("node", main.toString()).redirectErrorStream(true)
                .redirectOutput(new File(storage.toFile(), "lrs.log"));
        builder.environment().putAll(Map.of("EXPRESS_PORT", String.valueOf(port), "MODELS_REPO", "memory",
                "STORAGE_REPO", "local", "AUTH_REPO", "test", "EVENTS_REPO", "test",
                "FS_LOCAL_STORAGE_DIR", storage.toString(), "WINSTON_CONSOLE_LEVEL", "error"));
        process = builder.start();
        for (int i = 0; i < 150; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the test LRS did not start on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
