package cn.fapiao.console;

import cn.fapiao.common.http.NodeScripts;
import cn.fapiao.support.PackagedServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser against the packaged server: headless Chromium from the
 * distribution's packages ({@code apt-get install chromium fonts-wqy-microhei}, which {@code .ci/run}
 * does), driven by playwright-core from {@code src/test/node/console.e2e.mjs}. The story: log in, look
 * up a missing invoice, read the diagnosis, open a ticket with a photo, an agent answers, an
 * invoice's status change appears live, the report's chart renders and the register downloads as
 * XLSX; no console error anywhere. Screenshots go to {@code target/screenshots}.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServer.class)
class WebConsoleIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theStoryOfTheIssueRunsInABrowser() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertTrue(Files.isExecutable(Path.of(chromium)),
                () -> "No Chromium at " + chromium + ": install Debian's package (apt-get install chromium fonts-wqy-microhei; .ci/run does) or set CHROMIUM_PATH");
        Path screenshots = Path.of("target/screenshots").toAbsolutePath();
        String out = NodeScripts.run(600, "console.e2e.mjs", base.toString(), screenshots.toString());
        assertTrue(out.contains("\"ok\":true"), out);
        assertTrue(Files.isRegularFile(screenshots.resolve("invoices-phone-zh.png")), "the phone screenshot was taken");
    }
}
