package cn.fapiao.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ErrorCode} is the catalogue of every {@code extensions.code} (ApiException takes nothing
 * else, so a code outside it does not compile). What clients read about the codes must agree with
 * it: the README's table of codes is generated from the constants and their Javadoc, and every
 * code the schema's descriptions name as an error is one of them.
 */
class ErrorCatalogueTest {

    static final Path README = Path.of("README.md");
    static final Path CATALOGUE = Path.of("src/main/java/cn/fapiao/common/ErrorCode.java");
    static final String BEGIN = "<!-- error codes: generated from common/ErrorCode.java by ErrorCatalogueTest -->";
    static final String END = "<!-- end of error codes -->";
    static final String REGENERATE = "./mvnw test -Dtest=ErrorCatalogueTest -Dfapiao.readme.update=true";

    /** A constant with the one-paragraph Javadoc right above it, as ErrorCode lays them out. */
    private static final Pattern DOCUMENTED_CONSTANT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*[,;}]", Pattern.DOTALL);

    @Test
    void everyCodeHasADescription() throws IOException {
        List<String> enumerated = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
        assertEquals(enumerated, List.copyOf(descriptions().keySet()),
                "Every constant of ErrorCode needs its description as a Javadoc comment right above it");
    }

    @Test
    void theReadmeListsEveryCodeOfTheCatalogueAndNoOther() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|", Pattern.MULTILINE).matcher(readmeSection(Files.readString(README)));
        while (row.find()) {
            listed.add(row.group(1));
        }
        Set<String> catalogued = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));

        Set<String> notListed = new TreeSet<>(catalogued);
        notListed.removeAll(listed);
        Set<String> notCatalogued = new TreeSet<>(listed);
        notCatalogued.removeAll(catalogued);
        assertTrue(notListed.isEmpty() && notCatalogued.isEmpty(), "The README's error codes differ from ErrorCode: missing in the README "
                + notListed + ", not in ErrorCode " + notCatalogued + ". Regenerate the README's table with\n  " + REGENERATE);
    }

    @Test
    void theReadmeTableIsGeneratedFromTheCatalogue() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String generated = table(descriptions());
        if (Boolean.getBoolean("fapiao.readme.update")) {
            readme = readme.replace(readmeSection(readme), generated);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
        }
        assertEquals(generated, readmeSection(readme), "The README's table of error codes is not what ErrorCode says."
                + " Regenerate it with\n  " + REGENERATE + "\nand commit README.md with the change.");
    }

    @Test
    void theSchemaNamesOnlyCataloguedCodesAsErrors() throws IOException {
        // "Errors: VALIDATION_FAILED (bad filter, ...), UNAUTHENTICATED, FORBIDDEN." in field descriptions.
        String schema = Files.readString(Path.of("schema/schema.graphql"), StandardCharsets.UTF_8);
        Set<String> catalogued = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
        Matcher list = Pattern.compile("Errors?: ((?:\\([^)]*\\)|[^.()\"\\n])*)").matcher(schema);
        Set<String> unknown = new TreeSet<>();
        int lists = 0;
        while (list.find()) {
            lists++;
            String codes = list.group(1).replaceAll("\\([^)]*\\)", "");
            for (String code : codes.split(",|\\bor\\b|\\band\\b")) {
                if (!catalogued.contains(code.strip())) {
                    unknown.add(code.strip());
                }
            }
        }
        assertTrue(lists > 0, "no error lists found in the schema's descriptions; has their wording changed?");
        assertTrue(unknown.isEmpty(), "Schema descriptions name errors that are not in ErrorCode: " + unknown);
    }

    /** The README's table as ErrorCode describes the codes, in its order; {@code {@code x}} becomes {@code `x`}. */
    static String table(Map<String, String> descriptions) {
        StringBuilder table = new StringBuilder(BEGIN).append("\n| code | meaning |\n|---|---|\n");
        descriptions.forEach((code, description) -> table.append("| `").append(code).append("` | ")
                .append(description.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`").replace("|", "\\|")).append(" |\n"));
        return table.append(END).toString();
    }

    /** Each constant of ErrorCode with its Javadoc as one line, read from the source, in order. */
    static Map<String, String> descriptions() throws IOException {
        String source = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        String body = source.substring(source.indexOf("public enum ErrorCode"));
        Map<String, String> descriptions = new LinkedHashMap<>();
        Matcher constant = DOCUMENTED_CONSTANT.matcher(body);
        while (constant.find()) {
            String text = constant.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ").strip();
            descriptions.put(constant.group(2), text);
        }
        return descriptions;
    }

    private static String readmeSection(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no table of error codes between '" + BEGIN + "' and '" + END + "'");
        return readme.substring(begin, end + END.length());
    }
}
