package cn.fapiao.console;

import cn.fapiao.common.http.ConsoleManifest;
import graphql.language.Document;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console as files: served at {@code /} by the server itself, with the persisted-operation
 * manifest its build writes. Every operation of the console must stay valid against the published
 * schema, so that a schema change that would break the console fails here, not in a browser.
 */
@QuarkusTest
class WebConsoleFilesTest {

    @Test
    void theConsoleIsServedAtTheRoot() {
        Response index = given().when().get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.contentType().startsWith("text/html"), index.contentType());
        assertTrue(index.asString().contains("js/app.js"), index::asString);
        // Only this origin's scripts and connections, never framed, no Referer carrying a download token.
        assertTrue(index.header("Content-Security-Policy").contains("default-src 'self'"), index.header("Content-Security-Policy"));
        assertTrue(index.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", index.header("Referrer-Policy"));
        assertEquals("nosniff", index.header("X-Content-Type-Options"));

        Response script = given().when().get("/js/app.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.contentType().contains("javascript"), script.contentType());
    }

    @Test
    void theManifestNamesEachOperationOnceByTheSha256OfItsText() throws Exception {
        List<Map<String, String>> operations = ConsoleManifest.operations();
        assertTrue(operations.size() >= 25, "the console's operations: " + operations.size());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (Map<String, String> op : operations) {
            String hash = HexFormat.of().formatHex(sha256.digest(op.get("body").getBytes(StandardCharsets.UTF_8)));
            assertEquals(hash, op.get("id"), op.get("name"));
        }
        assertEquals(operations.size(), operations.stream().map(op -> op.get("name")).distinct().count());

        JsonPath served = given().when().get("/persisted-operations.json").jsonPath();
        assertEquals(operations.size(), served.getList("operations").size());
    }

    @Test
    void everyConsoleOperationIsValidAgainstThePublishedSchema() throws Exception {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(Path.of("schema/schema.graphql")));
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
        List<String> invalid = new ArrayList<>();
        for (Map<String, String> op : ConsoleManifest.operations()) {
            Document document = Parser.parse(op.get("body"));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            errors.forEach(e -> invalid.add(op.get("name") + ": " + e.getMessage()));
        }
        assertEquals(List.of(), invalid);
    }

    @Test
    void aConsoleOperationRunsByItsHashFromTheFirstRequestOn() {
        // No round trip that registers the hash: the server knows the console's operations from its start.
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + ConsoleManifest.hashOf("AmountInWords") + "\"}}";
        JsonPath answer = given().queryParam("operationName", "AmountInWords").queryParam("variables", "{\"amount\":\"1130.00\"}")
                .queryParam("extensions", extensions).when().get("/graphql").jsonPath();
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals("壹仟壹佰叁拾元整", answer.getString("data.amountInWords.words"));
    }
}
