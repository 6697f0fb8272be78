package cn.fapiao.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-P values are built through the provider looked up once ({@code io.smallrye.graphql.JsonProviderHolder.JSON_PROVIDER}),
 * never through {@code jakarta.json.Json.create…}, which asks the ServiceLoader on every call and scans the class path:
 * 7% of the server's CPU per {@code submitFeedback} in the bench's profile.
 */
class JsonProviderLookupTest {

    private static final Pattern PER_CALL_LOOKUP = Pattern.compile("(?<![\\w.])Json\\.create\\w*\\(|JsonProvider\\.provider\\(\\)");

    @Test
    void noCodeLooksTheProviderUpPerCall() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return PER_CALL_LOOKUP.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders, "use JsonProviderHolder.JSON_PROVIDER.create…() instead of Json.create…()");
    }

    @Test
    void thePatternCatchesTheCallsItIsFor() {
        assertTrue(PER_CALL_LOOKUP.matcher("JsonObjectBuilder b = Json.createObjectBuilder();").find());
        assertTrue(PER_CALL_LOOKUP.matcher("x.put(\"code\", Json.createValue(code));").find());
        assertFalse(PER_CALL_LOOKUP.matcher("JsonProviderHolder.JSON_PROVIDER.createObjectBuilder()").find());
    }
}
