package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.GraphQLSocket;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every root field whose answer holds invoices (directly, in lists, connections or payload objects)
 * carries their lines and status history when they are selected. Those are plain fields that each
 * resolver fills through {@link InvoiceDetails}; one that forgets answers null for them. A new root
 * field that reaches {@code Invoice} fails {@link #everyRootFieldThatReachesInvoicesIsProbed()}
 * until it gets a probe here, and the probe fails until its resolver attaches the details.
 */
@QuarkusTest
class InvoiceDetailsCoverageTest {

    private static final String DETAILS = "lines { itemName } statusHistory { toStatus }";

    @Inject
    Pool database;

    @Inject
    GraphQLSchema schema;

    /** Asks for a known invoice through one root field: who asks, the document, and where the invoice sits in the answer. */
    record Probe(String token, String document, Map<String, Object> variables, String invoicePath) {
    }

    private Map<String, Supplier<Probe>> probes() {
        Map<String, Supplier<Probe>> m = new LinkedHashMap<>();
        m.put("invoice", () -> new Probe(Tokens.of("b-accountant"), "query Q($id: ID!) { invoice(id: $id) { " + DETAILS + " } }",
                Map.of("id", id(issue("100.00"))), "data.invoice"));
        m.put("invoiceByNumber", () -> new Probe(Tokens.of("b-accountant"), "query Q($n: String!) { invoiceByNumber(number: $n) { " + DETAILS + " } }",
                Map.of("n", issue("100.00").getString("number")), "data.invoiceByNumber"));
        m.put("invoices", () -> {
            BigDecimal amount = new BigDecimal(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000) + ".11");
            String total = amount.add(amount.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP)).toPlainString();
            issue(amount.toPlainString());
            return new Probe(Tokens.of("b-accountant"), "query Q($f: InvoiceFilter) { invoices(filter: $f, first: 1) { edges { node { " + DETAILS + " } } } }",
                    Map.of("f", Map.of("amountMin", total, "amountMax", total)), "data.invoices.edges[0].node");
        });
        m.put("diagnoseInvoice", () -> {
            JsonPath issued = issue("100.00");
            return new Probe(Tokens.of("b-accountant"), "query Q($i: DiagnoseInvoiceInput!) { diagnoseInvoice(input: $i) { nearMatches { invoice { " + DETAILS + " } } } }",
                    Map.of("i", Map.of("number", Invoices.withSequenceDigitWrong(issued.getString("number")), "amount", "100.00")),
                    "data.diagnoseInvoice.nearMatches[0].invoice");
        });
        m.put("issueInvoice", () -> new Probe(Tokens.of("a-issuer"), "mutation M($i: IssueInvoiceInput!) { issueInvoice(input: $i) { " + DETAILS + " } }",
                Map.of("i", Invoices.toOrgB(List.of(Invoices.line("*货物*探", "10.00", "0.13")))), "data.issueInvoice"));
        m.put("voidInvoice", () -> new Probe(Tokens.of("a-issuer"), "mutation M($i: VoidInvoiceInput!) { voidInvoice(input: $i) { " + DETAILS + " } }",
                Map.of("i", Map.of("id", Long.toString(legacyWithOneLine()), "reason", "probe")), "data.voidInvoice"));
        m.put("redReverseInvoice", () -> new Probe(Tokens.of("a-issuer"), "mutation M($i: RedReverseInvoiceInput!) { redReverseInvoice(input: $i) { " + DETAILS + " } }",
                Map.of("i", Map.of("id", id(issue("100.00")), "reasonCode", 1)), "data.redReverseInvoice"));
        m.put("confirmInvoiceUse", () -> new Probe(Tokens.of("b-accountant"), "mutation M($id: ID!) { confirmInvoiceUse(id: $id) { " + DETAILS + " } }",
                Map.of("id", id(issue("100.00"))), "data.confirmInvoiceUse"));
        m.put("setInvoiceTaxStatus", () -> new Probe(Tokens.of("a-partner"), "mutation M($i: SetInvoiceTaxStatusInput!) { setInvoiceTaxStatus(input: $i) { " + DETAILS + " } }",
                Map.of("i", Map.of("id", id(issue("100.00")), "status", "ABNORMAL", "reason", "probe")), "data.setInvoiceTaxStatus"));
        m.put("invoiceStatusChanged", () -> {
            String id = id(issue("100.00"));
            return new Probe(Tokens.of("b-accountant"), "subscription S($f: InvoiceStatusFilter) { invoiceStatusChanged(filter: $f) { invoice { " + DETAILS + " } } }",
                    Map.of("f", Map.of("invoiceId", id)), "data.invoiceStatusChanged.invoice");
        });
        return m;
    }

    /** The answer to the probe: over HTTP, or for a subscription the event that a status change of its invoice sends. */
    private static JsonPath answer(Probe probe) {
        if (!probe.document().startsWith("subscription")) {
            return GraphQL.postQueryAs(probe.token(), probe.document(), flatten(probe.variables()));
        }
        @SuppressWarnings("unchecked")
        String id = ((Map<String, Object>) probe.variables().get("f")).get("invoiceId").toString();
        return GraphQLSocket.firstAnswer(probe.token(), probe.document(), probe.variables(), () -> {
            JsonPath changed = GraphQL.postQueryAs(Tokens.of("a-partner"),
                    "mutation M($i: SetInvoiceTaxStatusInput!) { setInvoiceTaxStatus(input: $i) { id } }",
                    "i", Map.of("id", id, "status", "ABNORMAL", "reason", "probe"));
            assertNull(changed.get("errors"), changed::prettify);
        });
    }

    @Test
    void everyRootFieldThatReachesInvoicesIsProbed() {
        Set<String> reaching = rootFieldsReachingInvoices();
        Set<String> missing = new TreeSet<>(reaching);
        missing.removeAll(probes().keySet());
        Set<String> stale = new TreeSet<>(probes().keySet());
        stale.removeAll(reaching);
        assertTrue(missing.isEmpty(), "These root fields return invoices: load their lines and history with InvoiceDetails"
                + " and add a probe for each here: " + missing);
        assertTrue(stale.isEmpty(), "These probes name root fields that no longer return invoices: " + stale);
    }

    @Test
    void everyRootFieldThatReachesInvoicesCarriesTheirLinesAndHistory() {
        List<String> failures = new ArrayList<>();
        probes().forEach((field, setUp) -> {
            Probe probe = setUp.get();
            JsonPath body = answer(probe);
            List<Object> lines = body.getList(probe.invoicePath() + ".lines");
            List<Object> history = body.getList(probe.invoicePath() + ".statusHistory");
            if (body.get("errors") != null || lines == null || lines.isEmpty() || history == null || history.isEmpty()) {
                failures.add(field + ": expected lines and statusHistory at " + probe.invoicePath() + ", got " + body.prettify());
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The root fields of the served schema whose type leads to Invoice through object fields. */
    private Set<String> rootFieldsReachingInvoices() {
        Set<String> reaching = new TreeSet<>();
        for (GraphQLObjectType root : new GraphQLObjectType[]{schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()}) {
            if (root == null) {
                continue;
            }
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                if (reachesInvoice(field.getType(), new HashSet<>())) {
                    reaching.add(field.getName());
                }
            }
        }
        return reaching;
    }

    private static boolean reachesInvoice(GraphQLType type, Set<String> seen) {
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(type);
        if ("Invoice".equals(named.getName())) {
            return true;
        }
        if (!seen.add(named.getName())) {
            return false;
        }
        if (named instanceof GraphQLFieldsContainer container) {
            return container.getFieldDefinitions().stream().anyMatch(field -> reachesInvoice(field.getType(), seen));
        }
        if (named instanceof GraphQLUnionType union) {
            return union.getTypes().stream().anyMatch(member -> reachesInvoice(member, seen));
        }
        return false;
    }

    private static String id(JsonPath invoice) {
        return invoice.getString("id");
    }

    /** A digital invoice from org A to org B with one line of this net amount at 13%. */
    private static JsonPath issue(String amount) {
        return Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*探", amount, "0.13"))));
    }

    /** A legacy invoice of this month (voidable) with one line: inserted invoices come without lines. */
    private long legacyWithOneLine() {
        long id = Invoices.insertLegacy(database, "011002600111", "10", LocalDate.now(InvoiceService.BUSINESS_ZONE),
                "12345678901234567890", "NORMAL", "100.00").id();
        database.preparedQuery("insert into invoice_line (invoice_id, line_no, item_name, amount, tax_rate, tax, remaining_amount)"
                + " values ($1, 1, '*货物*探', 100.00, 0.13, 13.00, 100.00)").execute(Tuple.of(id)).await().indefinitely();
        return id;
    }

    private static Object[] flatten(Map<String, Object> variables) {
        List<Object> pairs = new ArrayList<>();
        variables.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return pairs.toArray();
    }
}
