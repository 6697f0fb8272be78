package cn.fapiao.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One more packaged server (the jar, in its own process) beside the one {@link PackagedServer}
 * started, with the same configuration and database: another replica. It has just started, so a
 * test can also send it the first requests a new replica gets. Close it when done.
 */
public final class AnotherServer implements AutoCloseable {

    private static final Pattern HTTP = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final Pattern MANAGEMENT = Pattern.compile("Management interface listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private AnotherServer(Process process, Path log) throws InterruptedException {
        this.process = process;
        this.log = log;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Matcher http = HTTP.matcher("");
        Matcher management = MANAGEMENT.matcher("");
        while (!(http.reset(log()).find() && management.reset(log()).find())) {
            if (!process.isAlive()) {
                throw new AssertionError("the other server stopped: " + log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the other server did not start in 120 s: " + log());
            }
            Thread.sleep(200);
        }
        this.httpPort = Integer.parseInt(http.group(1));
        this.managementPort = Integer.parseInt(management.group(1));
    }

    /** Starts it and waits until it listens; its output goes to {@code target/<name>.log}. */
    public static AnotherServer start(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        PackagedServer.config().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Dquarkus.http.port=0", "-Dquarkus.management.port=0", "-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Path.of("target", name + ".log");
        Files.deleteIfExists(log);
        return new AnotherServer(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
