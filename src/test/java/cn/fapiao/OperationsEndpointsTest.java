package cn.fapiao;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator and a load balancer rely on: health that checks the database, and metrics to graph. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void operatorMetricsAreExposed() {
        String token = Tokens.of("a-accountant");
        GraphQL.postAs(token, "invoice", "id", "999999999");
        GraphQL.postAs(token, "invoice", "id", "999999999");
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] {"mp_graphql_seconds_bucket", "cache_gets_total{cache=\"invoice-by-id\"",
                "fapiao_graphql_errors_total{code=\"INVOICE_NOT_FOUND\"", "sql_pool_active", "sql_pool_queue_size"}) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
    }

    @Test
    void metricsArePrometheusText() {
        GraphQL.postAs(Tokens.of("a-accountant"), "invoice", "id", "999999999"); // counts one INVOICE_NOT_FOUND
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE fapiao_graphql_errors counter"), containsString("fapiao_graphql_errors_total{code=\"INVOICE_NOT_FOUND\"}"));
    }
}
