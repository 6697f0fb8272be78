package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With introspection off (the production default) the schema cannot be read, neither by introspection nor as a document, and everything else works. */
@QuarkusTest
@TestProfile(IntrospectionOffTest.IntrospectionOff.class)
class IntrospectionOffTest {

    public static class IntrospectionOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fapiao.graphql.introspection", "false");
        }
    }

    @Test
    void introspectionIsRefusedAndOrdinaryQueriesAnswer() {
        JsonPath introspection = GraphQL.postQuery("{ __schema { queryType { name } } }");
        assertNull(introspection.get("data.__schema"));
        assertTrue(introspection.getString("errors[0].message").toLowerCase().contains("introspection"), introspection::prettify);
        JsonPath ordinary = GraphQL.post("decodeInvoiceCode", "code", "011001800604");
        assertEquals("04", ordinary.get("data.decodeInvoiceCode.type.code"));
    }

    @Test
    void theSchemaDocumentIsNotServed() {
        // Decided at run time by our route; SmallRye's own switch is fixed at build time.
        given().when().get("/graphql/schema.graphql").then().statusCode(404);
    }
}
