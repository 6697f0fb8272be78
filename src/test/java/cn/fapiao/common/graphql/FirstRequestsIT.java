package cn.fapiao.common.graphql;

import cn.fapiao.support.AnotherServer;
import cn.fapiao.support.PackagedServer;
import cn.fapiao.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A replica that has just started gets its first requests many at once. SmallRye builds
 * graphql-java on the first request, without a lock, so several requests build it at the same
 * time; with our schema changes (money, strict numbers) made once per build, those builds crossed
 * their types, and a replica could refuse every invoice list with "Variable 'filter' of type
 * 'InvoiceFilter' used in position expecting type 'InvoiceFilter'" for as long as it ran (found by
 * the bench: a whole run of the invoice list failed). Each document here has a variable of an input
 * type that holds money.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServer.class)
class FirstRequestsIT {

    private static final List<String> BODIES = List.of(
            """
            {"query":"query Invoices($filter: InvoiceFilter, $first: Int) { invoices(filter: $filter, first: $first) { totalCount } }",
             "variables":{"first":5,"filter":{"status":["NORMAL"],"amountMin":"10.00"}}}""",
            """
            {"query":"mutation Verify($input: VerifyInvoiceInput!) { verifyInvoice(input: $input) { outcome } }",
             "variables":{"input":{"number":"26112000000000000001","issueDate":"2026-11-01","totalIncludingTax":"113.00"}}}""",
            """
            {"query":"query Preview($input: IssueInvoiceInput!) { previewInvoice(input: $input) { total } }",
             "variables":{"input":{"kind":"ORDINARY","buyer":{"name":"某公司"},"lines":[{"itemName":"*现代服务*咨询","amount":"100.00","taxRate":"0.06"}]}}}""");

    @Test
    void theFirstRequestsOfANewReplicaAllValidate() throws Exception {
        String token = "Bearer " + Tokens.of(PackagedServer.ADMIN);
        try (AnotherServer replica = AnotherServer.start("first-requests-server")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI graphql = URI.create("http://localhost:" + replica.httpPort() + "/graphql");
            List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                first.add(client.sendAsync(request(graphql, token, BODIES.get(i % BODIES.size())), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : first) {
                assertValidated(answer.get());
            }
            // And afterwards: a refusal must not have been remembered for the document.
            for (String body : BODIES) {
                for (int i = 0; i < 3; i++) {
                    assertValidated(client.send(request(graphql, token, body), HttpResponse.BodyHandlers.ofString()));
                }
            }
        }
    }

    private static HttpRequest request(URI graphql, String token, String body) {
        return HttpRequest.newBuilder(graphql).header("Content-Type", "application/json").header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void assertValidated(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(answer.body().contains("GRAPHQL_VALIDATION_FAILED"), answer.body());
        assertFalse(answer.body().contains("used in position expecting"), answer.body());
    }
}
