package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.ManagementPort;
import cn.fapiao.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault of ours (here: a stored second-factor secret that no longer decrypts) reaches the
 * client as {@code INTERNAL_ERROR} with a generic message: not as a code made from an exception's
 * class name, and without a word of what failed. It is counted for the operators.
 */
@QuarkusTest
class InternalErrorTest {

    @Inject
    Pool database;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void aFailureInAResolverIsAnInternalErrorThatSaysNothingOfWhy() {
        String token = Tokens.of("a-faulty");
        JsonPath enrolment = GraphQL.postAs(token, "enrolTotp", "password", Tokens.PASSWORD);
        assertNull(enrolment.get("errors"), enrolment::prettify);
        database.query("update app_user set totp_secret = 'v1:k1:AAAA' where username = 'a-faulty'").execute().await().indefinitely();

        JsonPath answer = GraphQL.postAs(token, "confirmTotp", "code", "123456");

        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals(List.of("confirmTotp"), answer.getList("errors[0].path"));
        assertEquals("INTERNAL_ERROR", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("System error", answer.getString("errors[0].message"));
        String error = answer.getString("errors[0]").toLowerCase();
        for (String detail : List.of("v1:", "k1", "decrypt", "base64", "totp_secret")) {
            assertFalse(error.contains(detail), () -> "the error tells '" + detail + "': " + answer.prettify());
        }

        String metrics = given().when().get(ManagementPort.at(management, "metrics")).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("fapiao_graphql_errors_total{code=\"INTERNAL_ERROR\""), "internal errors are not counted");
    }
}
