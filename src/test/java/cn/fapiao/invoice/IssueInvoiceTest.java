package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IssueInvoiceTest {

    @Inject
    Pool database;

    @Test
    void previewComputesTaxesAndListsEveryProblemWithoutWriting() {
        long before = count();
        JsonPath ok = GraphQL.postAs(Tokens.of("a-issuer"), "previewInvoice", "input",
                Invoices.toOrgB(List.of(Invoices.line("*信息技术服务*软件开发", "100.00", "0.13"), Invoices.line("*咨询服务*咨询", "500", "0.06"))));
        assertNull(ok.get("errors"), ok::prettify);
        assertEquals(true, ok.get("data.previewInvoice.valid"));
        assertEquals("13.00", ok.getString("data.previewInvoice.lines[0].tax"));
        assertEquals("30.00", ok.getString("data.previewInvoice.lines[1].tax"));
        assertEquals("643.00", ok.getString("data.previewInvoice.total"));
        assertEquals("陆佰肆拾叁元整", ok.get("data.previewInvoice.totalInWords"));

        Map<String, Object> bad = Invoices.toOrgB(List.of(Invoices.line("", "0", "0.17"), Invoices.line("x", "10", "0.13")));
        ((Map<String, Object>) bad.get("buyer")).put("taxId", "91350100M000100Y4Z");
        JsonPath problems = GraphQL.postAs(Tokens.of("a-issuer"), "previewInvoice", "input", bad);
        assertEquals(false, problems.get("data.previewInvoice.valid"));
        List<String> fields = problems.getList("data.previewInvoice.problems.field");
        assertTrue(fields.containsAll(List.of("input.buyer.taxId", "input.lines[0].itemName", "input.lines[0].amount", "input.lines[0].taxRate")), fields::toString);
        assertEquals(before, count());

        // A third decimal is not an amount of money at all: refused before the preview runs.
        JsonPath malformed = GraphQL.postAs(Tokens.of("a-issuer"), "previewInvoice", "input",
                Invoices.toOrgB(List.of(Invoices.line("x", "100.001", "0.13"))));
        assertEquals("MONEY_MALFORMED", malformed.getString("errors[0].extensions.code"), malformed::prettify);
    }

    @Test
    void taxInclusiveAmountsAreSplitIntoNetAndTaxInPreviewAndIssue() {
        // domain.md §4: gross 113.00 @13% → 100.00 + 13.00; 100.00 @13% → 88.50 + 11.50.
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*信息技术服务*软件开发", "113.00", "0.13"),
                Invoices.line("*信息技术服务*运维", "100.00", "0.13")));
        input.put("amountsIncludeTax", true);

        JsonPath preview = GraphQL.postAs(Tokens.of("a-issuer"), "previewInvoice", "input", input);
        assertNull(preview.get("errors"), preview::prettify);
        assertEquals(true, preview.get("data.previewInvoice.valid"), preview::prettify);
        assertEquals("100.00", preview.getString("data.previewInvoice.lines[0].amount"));
        assertEquals("13.00", preview.getString("data.previewInvoice.lines[0].tax"));
        assertEquals("88.50", preview.getString("data.previewInvoice.lines[1].amount"));
        assertEquals("11.50", preview.getString("data.previewInvoice.lines[1].tax"));
        assertEquals("188.50", preview.getString("data.previewInvoice.amount"));
        assertEquals("24.50", preview.getString("data.previewInvoice.tax"));
        assertEquals("213.00", preview.getString("data.previewInvoice.total"));

        JsonPath issued = Invoices.issue(input);
        assertEquals("188.50", issued.getString("amount"));
        assertEquals("24.50", issued.getString("tax"));
        assertEquals("213.00", issued.getString("total"));
        assertEquals("100.00", issued.getString("lines[0].amount"));
        assertEquals("13.00", issued.getString("lines[0].tax"));
        assertEquals("88.50", issued.getString("lines[1].amount"));
        assertEquals("11.50", issued.getString("lines[1].tax"));
        assertEquals("188.50", issued.getString("remainingAmount"));
    }

    @Test
    void issuesADigitalInvoiceThatBothPartiesFindAndNobodyElse() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*信息技术服务*软件开发", "1000.00", "0.13"))));
        String number = issued.get("number");
        String prefix = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yy")) + "112";
        assertTrue(number.matches("\\d{20}") && number.startsWith(prefix), number);
        assertEquals("DIGITAL", issued.get("generation"));
        assertEquals("81", issued.get("type.code"));
        assertEquals("NORMAL", issued.get("status"));
        assertEquals(Invoices.ORG_A, issued.get("seller.taxId"));
        assertEquals("1130.00", issued.getString("total"));
        assertEquals("壹仟壹佰叁拾元整", issued.get("totalInWords"));
        assertEquals("1000.00", issued.getString("remainingAmount"));
        assertEquals("中国银行北京分行 1234 5678 9012", issued.get("buyer.bankAccount"));
        assertEquals("NORMAL", issued.get("statusHistory[0].toStatus"));
        assertEquals("a-issuer", issued.get("statusHistory[0].changedBy"));
        String id = issued.get("id");

        JsonPath byBuyer = GraphQL.postAs(Tokens.of("b-accountant"), "invoiceByNumber", "number", number);
        assertNull(byBuyer.get("errors"), byBuyer::prettify);
        assertEquals(id, byBuyer.get("data.invoiceByNumber.id"));
        assertEquals(1, byBuyer.getList("data.invoiceByNumber.lines").size());
        // The issuing answer carries the lines and history as written; a later read finds the same.
        assertEquals(byBuyer.getList("data.invoiceByNumber.lines"), issued.getList("lines"));
        assertEquals(byBuyer.getList("data.invoiceByNumber.statusHistory"), issued.getList("statusHistory"));

        // Nobody else: a third organisation finds it neither by id nor by number, nor in its list.
        String outsider = Tokens.of("c-accountant");
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(outsider, "invoice", "id", id).get("errors[0].extensions.code"));
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(outsider, "invoiceByNumber", "number", number).get("errors[0].extensions.code"));
        JsonPath outsidersList = GraphQL.postQueryAs(outsider, "{ invoices(first: 100) { edges { node { id } } } }");
        assertNull(outsidersList.get("errors"), outsidersList::prettify);
        assertFalse(outsidersList.getList("data.invoices.edges.node.id").contains(id), outsidersList::prettify);

        String stored = database.preparedQuery("select buyer_bank_account from invoice where id = $1")
                .execute(Tuple.of(Long.valueOf(id))).await().indefinitely().iterator().next().getString("buyer_bank_account");
        assertTrue(stored.startsWith("v1:test:") && !stored.contains("1234"), stored);
    }

    @Test
    void anInvoiceToAnOutsiderIsInvisibleToOtherOrganisations() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*餐饮服务*餐费", "88.50", "0.06")));
        ((Map<String, Object>) input.get("buyer")).put("taxId", "91350100M000100Y43");
        JsonPath issued = Invoices.issue(input);
        String id = issued.get("id");
        JsonPath other = GraphQL.postAs(Tokens.of("b-accountant"), "invoice", "id", id);
        assertEquals("INVOICE_NOT_FOUND", other.get("errors[0].extensions.code"));
        assertNull(other.get("data"));
        JsonPath byNumber = GraphQL.postAs(Tokens.of("b-auditor"), "invoiceByNumber", "number", (String) issued.get("number"));
        assertEquals("INVOICE_NOT_FOUND", byNumber.get("errors[0].extensions.code"));
        assertEquals("number", byNumber.get("errors[0].extensions.field"));
        assertEquals("id", other.get("errors[0].extensions.field"));
    }

    @Test
    void rolesAreChecked() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("x", "1.00", "0.13")));
        for (String user : List.of("a-accountant", "a-auditor", "a-partner", "a-admin", "a-support_agent")) {
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(user), "issueInvoice", "input", input).get("errors[0].extensions.code"), user);
        }
        assertEquals("UNAUTHENTICATED", GraphQL.post("issueInvoice", "input", input).get("errors[0].extensions.code"));
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("a-support_agent"), "invoice", "id", "1").get("errors[0].extensions.code"));
    }

    @Test
    void invalidInputIsRefusedWithEveryProblem() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input",
                Invoices.toOrgB(List.of(Invoices.line("x", "-5", "0.13"), Invoices.line("y", "10", "0.07"))));
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"));
        assertEquals("input.lines[0].amount", body.get("errors[0].extensions.field"));
        assertEquals(2, body.getList("errors[0].extensions.problems").size(), body::prettify);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothing() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*运输服务*运费", "300.00", "0.09")));
        input.put("idempotencyKey", "retry-" + UUID.randomUUID());
        long before = count();
        JsonPath first = Invoices.issue(input);
        JsonPath second = Invoices.issue(input);
        assertEquals((String) first.get("id"), second.get("id"));
        assertEquals((String) first.get("number"), second.get("number"));
        assertEquals(before + 1, count());
    }

    @Test
    void fiftyConcurrentIssuesGetFiftyDistinctNumbersWithoutGaps() throws Exception {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*电子元件*集成电路", "10.00", "0.13")));
        String token = Tokens.of("a-issuer");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Callable<JsonPath> call = () -> GraphQL.postAs(token, "issueInvoice", "input", input);
                calls.add(pool.submit(call));
            }
            List<Long> sequences = new ArrayList<>();
            Set<String> numbers = new HashSet<>();
            for (Future<JsonPath> call : calls) {
                JsonPath body = call.get();
                assertNull(body.get("errors"), body::prettify);
                String number = body.get("data.issueInvoice.number");
                numbers.add(number);
                sequences.add(Long.parseLong(number.substring(5)));
            }
            assertEquals(50, numbers.size());
            sequences.sort(Long::compare);
            for (int i = 1; i < sequences.size(); i++) {
                assertEquals(sequences.get(i - 1) + 1, sequences.get(i), "gap between " + sequences.get(i - 1) + " and " + sequences.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writersOfOnePrefixQueueOnItsLockBeforeTakingTheCounter() throws Exception {
        // Concurrent writers of a prefix wait in the lock manager's queue, not on the counter row
        // (InvoiceNumbering): while another transaction holds the prefix's queue lock, an issue waits.
        String prefix = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yy")) + "11" + InvoiceNumbering.CHANNEL;
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*电子元件*电容", "10.00", "0.13")));
        Invoices.issue(input); // warm: an issue takes milliseconds, not the second waited for below
        SqlConnection holder = database.getConnection().await().indefinitely();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Transaction queue = holder.begin().await().indefinitely();
            holder.preparedQuery("select pg_advisory_xact_lock($1, hashtext($2))")
                    .execute(Tuple.of(InvoiceNumbering.QUEUE_LOCK_SPACE, prefix)).await().indefinitely();

            Future<JsonPath> issue = caller.submit(() -> GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", input));
            assertThrows(TimeoutException.class, () -> issue.get(1, TimeUnit.SECONDS), "the issue did not wait for the prefix's queue");

            queue.commit().await().indefinitely();
            JsonPath body = issue.get(30, TimeUnit.SECONDS);
            assertNull(body.get("errors"), body::prettify);
            assertTrue(((String) body.get("data.issueInvoice.number")).startsWith(prefix));
        } finally {
            holder.close().await().indefinitely();
            caller.shutdownNow();
        }
    }

    @Test
    void concurrentRetriesWithOneKeyIssueOnceAndConsumeOneNumber() throws Exception {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*电子元件*电阻", "10.00", "0.13")));
        input.put("idempotencyKey", "race-" + UUID.randomUUID());
        String token = Tokens.of("a-issuer");
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> GraphQL.postAs(token, "issueInvoice", "input", input)));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<JsonPath> call : calls) {
                JsonPath body = call.get();
                assertNull(body.get("errors"), body::prettify);
                numbers.add(body.get("data.issueInvoice.number"));
            }
            assertEquals(1, numbers.size(), numbers::toString);
            assertEquals(before + 1, count());
            // The losers' statements failed as a whole, so they took no number: the next one follows on.
            String next = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("x", "1.00", "0.13")))).get("number");
            assertEquals(Long.parseLong(numbers.iterator().next().substring(5)) + 1, Long.parseLong(next.substring(5)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRootFieldsReadingInvoicesInOneRequest() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("x", "20.00", "0.13"))));
        JsonPath body = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceTwice", "id", (String) issued.get("id"), "number", (String) issued.get("number"));
        assertNull(body.get("errors"), body::prettify);
        assertEquals((String) body.get("data.byId.id"), body.get("data.byNumber.id"));
        assertFalse(body.getList("data.byNumber.lines").isEmpty());
    }

    private long count() {
        return database.query("select count(*) as n from invoice").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
