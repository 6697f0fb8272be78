package cn.fapiao.common.http;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The web console's persisted-operation manifest as the build wrote it (target/classes). */
public final class ConsoleManifest {

    private ConsoleManifest() {
    }

    public static List<Map<String, String>> operations() {
        try (InputStream in = ConsoleManifest.class.getClassLoader().getResourceAsStream(PersistedQueries.CONSOLE_MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(PersistedQueries.CONSOLE_MANIFEST + " is missing: the build (generate-resources) writes it");
            }
            return JsonPath.from(in).getList("operations");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String hashOf(String operationName) {
        return operations().stream().filter(op -> op.get("name").equals(operationName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No console operation " + operationName)).get("id");
    }
}
