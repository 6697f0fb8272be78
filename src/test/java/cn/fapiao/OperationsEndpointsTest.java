package cn.fapiao;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.ManagementPort;
import cn.fapiao.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator and a load balancer rely on: health that checks the database, and metrics to
 * graph, both on the management port and nowhere else.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessChecksTheDatabase() {
        given().when().get(ManagementPort.at(management, "health/ready"))
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get(ManagementPort.at(management, "health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void operatorMetricsAreExposed() {
        String token = Tokens.of("a-accountant");
        GraphQL.postAs(token, "invoice", "id", "999999999");
        GraphQL.postAs(token, "invoice", "id", "999999999");
        String metrics = given().when().get(ManagementPort.at(management, "metrics")).then().statusCode(200).extract().asString();
        for (String expected : new String[] {"mp_graphql_seconds_bucket", "cache_gets_total{cache=\"invoice-by-id\"",
                "fapiao_graphql_errors_total{code=\"INVOICE_NOT_FOUND\"", "sql_pool_active", "sql_pool_queue_size"}) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
    }

    @Test
    void metricsArePrometheusText() {
        GraphQL.postAs(Tokens.of("a-accountant"), "invoice", "id", "999999999"); // counts one INVOICE_NOT_FOUND
        given().when().get(ManagementPort.at(management, "metrics"))
                .then().statusCode(200)
                .body(containsString("# TYPE fapiao_graphql_errors counter"), containsString("fapiao_graphql_errors_total{code=\"INVOICE_NOT_FOUND\"}"));
    }

    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().when().get(path).then().statusCode(404);
        }
    }
}
