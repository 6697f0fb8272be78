package cn.fapiao.common.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Node.js scripts of {@code src/test/node} (the graphql-http audits, an SPA client library)
 * against the test server. Their packages come from npm, pinned by {@code package-lock.json}:
 * {@code .ci/run} installs them with {@code npm ci}, and a first run here does the same when they are missing.
 */
public final class NodeScripts {

    static final Path DIRECTORY = Path.of("src/test/node");

    private NodeScripts() {
    }

    /** The script's standard output; fails the test when it fails or runs past two minutes. */
    public static String run(String script, String... arguments) throws IOException, InterruptedException {
        return run(120, script, arguments);
    }

    /** The script's standard output; fails the test when it fails or runs past the timeout. */
    public static String run(int timeoutSeconds, String script, String... arguments) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return exec(command, timeoutSeconds);
    }

    private static String exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("node-", ".out");
        Path errors = Files.createTempFile("node-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            assertTrue(finished, () -> String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: " + err);
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed: " + err);
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
