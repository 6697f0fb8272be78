package cn.fapiao.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON-P values are built through the provider looked up once ({@link Jsonp}), never through {@code Json.create…}, which looks it up per call. */
class JsonpTest {

    private static final Pattern PER_CALL_LOOKUP = Pattern.compile("(?<![\\w.])Json\\.create\\w*\\(|JsonProvider\\.provider\\(\\)");

    @Test
    void noCodeLooksTheProviderUpPerCall() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Jsonp.java"))
                    .filter(f -> {
                        try {
                            return PER_CALL_LOOKUP.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders, "use Jsonp.PROVIDER.create…() instead of Json.create…()");
    }

    @Test
    void thePatternCatchesTheCallsItIsFor() {
        assertEquals(true, PER_CALL_LOOKUP.matcher("JsonObjectBuilder b = Json.createObjectBuilder();").find());
        assertEquals(true, PER_CALL_LOOKUP.matcher("x.put(\"code\", Json.createValue(code));").find());
        assertEquals(false, PER_CALL_LOOKUP.matcher("Jsonp.PROVIDER.createObjectBuilder()").find());
    }
}
