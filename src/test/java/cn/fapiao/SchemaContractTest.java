package cn.fapiao;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The published contract: {@code schema/schema.graphql} must be exactly the schema the server
 * serves, so that a change to the API is always a visible change to that file in review.
 */
@QuarkusTest
class SchemaContractTest {

    static final Path PUBLISHED = Path.of("schema/schema.graphql");
    static final String REGENERATE = "./mvnw test -Dtest=SchemaContractTest -Dfapiao.schema.update=true";

    @Test
    void servedSchemaIsThePublishedOne() throws IOException {
        String served = given().when().get("/graphql/schema.graphql")
                .then().statusCode(200).extract().asString().strip() + "\n";
        if (Boolean.getBoolean("fapiao.schema.update")) {
            Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
        }
        String published = Files.exists(PUBLISHED) ? Files.readString(PUBLISHED, StandardCharsets.UTF_8) : "";
        assertEquals(published, served, "The GraphQL schema the server serves differs from " + PUBLISHED
                + ". If the change is intended, regenerate the published contract with\n  " + REGENERATE
                + "\nand commit schema/schema.graphql with the change.");
    }
}
