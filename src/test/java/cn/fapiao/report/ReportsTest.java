package cn.fapiao.report;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.fapiao.report.ReportFixtures.R;
import static cn.fapiao.report.ReportFixtures.S;
import static cn.fapiao.report.ReportFixtures.X;
import static cn.fapiao.report.ReportFixtures.line;
import static cn.fapiao.report.ReportFixtures.shanghai;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics and the VAT summary over real HTTP, cross-checked against plain SQL over the same
 * rows: voided and red invoices, invoices issued at 23:59:59 and 00:00:00 Shanghai time on a
 * month boundary (and confirmed then), and invoices of an organisation the caller must never see.
 * The data of organisation R lies in late 2012 and 2013; the VAT figures of January 2013 are also
 * worked out by hand below.
 */
@QuarkusTest
class ReportsTest {

    private static boolean loaded;
    static long a1;
    static long b4;

    @Inject
    Pool db;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        ReportFixtures f = new ReportFixtures(db);
        f.organisationsAndUsers();
        // R's sales
        a1 = f.blue(R, S, "01", LocalDate.of(2013, 1, 31), "NORMAL", shanghai(2013, 1, 31, 23, 59, 59),
                line("0.13", "1000.00"), line("0.06", "500.00"));                                              // Jan, last second: 130 + 30
        f.blue(R, S, "04", LocalDate.of(2013, 2, 1), "NORMAL", shanghai(2013, 2, 1, 0, 0, 0), line("0.13", "700.00")); // Feb, first second: 91
        f.blue(R, S, "04", LocalDate.of(2013, 1, 15), "VOIDED", shanghai(2013, 1, 15, 9, 0, 0), line("0.13", "2000.00")); // counted, no amounts
        long a4 = f.blue(R, S, "04", LocalDate.of(2013, 1, 20), "RED_PARTIAL", shanghai(2013, 1, 20, 9, 0, 0), line("0.13", "3000.00")); // 390
        f.red(a4, LocalDate.of(2013, 1, 25), shanghai(2013, 1, 25, 9, 0, 0), line("0.13", "1000.00"));          // −130 in January
        long a5 = f.blue(R, S, "01", LocalDate.of(2012, 12, 20), "RED_FULL", shanghai(2012, 12, 20, 9, 0, 0), line("0.09", "800.00")); // Dec: 72
        f.red(a5, LocalDate.of(2013, 1, 10), shanghai(2013, 1, 10, 9, 0, 0), line("0.09", "800.00"));           // −72 in January
        // R's purchases from S
        long b1 = f.blue(S, R, "01", LocalDate.of(2013, 1, 5), "NORMAL", shanghai(2013, 1, 5, 9, 0, 0), line("0.13", "10000.00")); // 1300
        f.confirmed(b1, shanghai(2013, 1, 31, 23, 59, 59));                                                       // January input
        long b2 = f.blue(S, R, "01", LocalDate.of(2013, 1, 6), "NORMAL", shanghai(2013, 1, 6, 9, 0, 0), line("0.13", "5000.00")); // 650
        f.confirmed(b2, shanghai(2013, 2, 1, 0, 0, 0));                                                           // February input
        long b3 = f.blue(S, R, "01", LocalDate.of(2012, 11, 3), "NORMAL", shanghai(2012, 11, 3, 9, 0, 0), line("0.13", "20000.00")); // 2600
        f.confirmed(b3, shanghai(2012, 11, 10, 9, 0, 0));                                                         // November input
        b4 = f.blue(S, R, "08", LocalDate.of(2012, 12, 1), "NORMAL", shanghai(2012, 12, 1, 9, 0, 0), line("0.13", "1000.00")); // 130
        f.confirmed(b4, shanghai(2012, 12, 2, 9, 0, 0));                                                          // December input
        f.status(b4, "LOST_CONTROL", shanghai(2013, 1, 20, 10, 0, 0));                                           // transferred out in January
        long b5 = f.blue(S, R, "81", LocalDate.of(2012, 12, 5), "RED_PARTIAL", shanghai(2012, 12, 5, 9, 0, 0), line("0.13", "2000.00")); // 260
        f.confirmed(b5, shanghai(2012, 12, 6, 9, 0, 0));                                                          // December input
        f.red(b5, LocalDate.of(2013, 1, 18), shanghai(2013, 1, 18, 9, 0, 0), line("0.13", "500.00"));          // −65, transferred out in January
        long b6 = f.blue(S, R, "04", LocalDate.of(2013, 1, 7), "NORMAL", shanghai(2013, 1, 7, 9, 0, 0), line("0.03", "100.00")); // ordinary: no input
        f.confirmed(b6, shanghai(2013, 1, 8, 9, 0, 0));
        // The outsider X trades with S only: never in R's figures, large so that it would show.
        long x1 = f.blue(X, S, "01", LocalDate.of(2013, 1, 15), "NORMAL", shanghai(2013, 1, 15, 9, 0, 0), line("0.13", "999999.00"));
        long x2 = f.blue(S, X, "01", LocalDate.of(2013, 1, 16), "NORMAL", shanghai(2013, 1, 16, 9, 0, 0), line("0.13", "888888.00"));
        f.confirmed(x2, shanghai(2013, 1, 17, 9, 0, 0));
        loaded = true;
    }

    // ------------------------------------------------------------------ statistics

    @Test
    void statisticsByStatusMatchAPlainSqlSumIncludingVoidedAndRedInvoicesAndTheMonthBoundary() {
        JsonPath answer = statistics("rpt-r-accountant", month(2013, 1), null, List.of("STATUS"));

        List<Map<String, Object>> expected = plain("""
                select status as key, count(*) as count, coalesce(sum(amount) filter (where status <> 'VOIDED'), 0) as amount,
                       coalesce(sum(tax) filter (where status <> 'VOIDED'), 0) as tax
                from invoice where (seller_org_id = $1 or buyer_org_id = $1) and issue_date between '2013-01-01' and '2013-01-31'
                group by status order by status""", R);
        assertRows(expected, answer, "status");
        // By hand: 1500 + 3000 − 1000 − 800 (sales) + 10000 + 5000 + 100 (purchases) − 500 (S's red); 2000 voided is counted only.
        assertEquals("17300.00", answer.getString("data.invoiceStatistics.totals.amount"), answer::prettify);
        assertEquals(9, answer.getInt("data.invoiceStatistics.totals.count"), answer::prettify);
        // Issued at 00:00:00 on 1 February: February's, not January's.
        JsonPath february = statistics("rpt-r-accountant", month(2013, 2), null, List.of());
        assertEquals("700.00", february.getString("data.invoiceStatistics.totals.amount"), february::prettify);
        assertEquals(List.of(), february.getList("data.invoiceStatistics.rows"));
    }

    @Test
    void statisticsByTaxRateAndMonthMatchThePlainSumOfTheLines() {
        JsonPath answer = statistics("rpt-r-accountant", Map.of("kind", "QUARTER", "year", 2013, "quarter", 1), null, List.of("MONTH", "TAX_RATE"));

        List<Map<String, Object>> expected = plain("""
                select to_char(i.issue_date, 'YYYY-MM') || '/' || l.tax_rate as key, count(distinct i.id) as count,
                       coalesce(sum(l.amount) filter (where i.status <> 'VOIDED'), 0) as amount,
                       coalesce(sum(l.tax) filter (where i.status <> 'VOIDED'), 0) as tax
                from invoice i join invoice_line l on l.invoice_id = i.id
                where (i.seller_org_id = $1 or i.buyer_org_id = $1) and i.issue_date between '2013-01-01' and '2013-03-31'
                group by 1 order by 1""", R);
        List<Map<String, Object>> rows = answer.getList("data.invoiceStatistics.rows");
        assertEquals(expected.size(), rows.size(), answer::prettify);
        for (int k = 0; k < rows.size(); k++) {
            Map<String, Object> row = rows.get(k);
            assertEquals(expected.get(k).get("key"), row.get("month") + "/" + new BigDecimal(row.get("taxRate").toString()).setScale(4), answer::prettify);
            assertSums(expected.get(k), row);
        }
    }

    @Test
    void everyGroupingAtOnceAddsUpToTheUngroupedTotals() {
        JsonPath all = statistics("rpt-r-auditor", year(2013), null,
                List.of("STATUS", "TYPE", "TAX_RATE", "SELLER", "BUYER", "MONTH", "DIRECTION", "SOURCE", "ROLE"));
        JsonPath none = statistics("rpt-r-auditor", year(2013), null, null);

        assertNull(all.get("errors"), all::prettify);
        assertEquals(none.getString("data.invoiceStatistics.totals.amount"), all.getString("data.invoiceStatistics.totals.amount"));
        assertEquals(none.getString("data.invoiceStatistics.totals.tax"), all.getString("data.invoiceStatistics.totals.tax"));
        assertEquals(none.getInt("data.invoiceStatistics.totals.count"), all.getInt("data.invoiceStatistics.totals.count"));
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> row : all.<Map<String, Object>>getList("data.invoiceStatistics.rows")) {
            sum = sum.add(new BigDecimal(row.get("tax").toString()));
            assertTrue(row.get("role").equals("SELLER") == R.equals(row.get("sellerTaxId")), row::toString);
        }
        assertEquals(new BigDecimal(none.getString("data.invoiceStatistics.totals.tax")), sum);
    }

    @Test
    void oneSideAndTheInvoiceListFilterCountExactlyWhatTheListShows() {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("role", "BUYER");
        filter.put("status", List.of("NORMAL", "RED_PARTIAL"));
        filter.put("type", List.of("01", "81"));
        JsonPath stats = statistics("rpt-r-accountant", year(2013), filter, List.of("SELLER"));
        Map<String, Object> listFilter = new LinkedHashMap<>(filter);
        listFilter.put("issueDateFrom", "2013-01-01");
        listFilter.put("issueDateTo", "2013-12-31");
        JsonPath list = GraphQL.postQueryAs(Tokens.of("rpt-r-accountant"),
                "query L($f: InvoiceFilter) { invoices(filter: $f, first: 1) { totalCount } }", "f", listFilter);

        assertEquals(list.getInt("data.invoices.totalCount"), stats.getInt("data.invoiceStatistics.totals.count"), stats::prettify);
        List<Map<String, Object>> expected = plain("""
                select seller_tax_id as key, count(*) as count, sum(amount) as amount, sum(tax) as tax from invoice
                where buyer_org_id = $1 and status in ('NORMAL', 'RED_PARTIAL') and type_code in ('01', '81')
                  and issue_date between '2013-01-01' and '2013-12-31' group by 1 order by 1""", R);
        assertRows(expected, stats, "sellerTaxId");
        assertEquals("报表测试乙 (org S)", stats.getString("data.invoiceStatistics.rows[0].sellerName"));
    }

    @Test
    void anotherOrganisationsInvoicesNeverCount() {
        JsonPath r = statistics("rpt-r-accountant", month(2013, 1), null, List.of("SELLER", "BUYER"));
        assertFalse(r.prettify().contains(X), r::prettify);
        assertFalse(r.prettify().contains("999999") || r.prettify().contains("888888"), r::prettify);

        JsonPath x = statistics("rpt-x-accountant", month(2013, 1), null, List.of("ROLE"));
        assertEquals(2, x.getInt("data.invoiceStatistics.totals.count"), x::prettify);
        assertEquals("1888887.00", x.getString("data.invoiceStatistics.totals.amount"), x::prettify);
        JsonPath xVat = vat("rpt-x-accountant", 2013, 1);
        assertEquals("129999.87", xVat.getString("data.vatSummary.outputTax"), xVat::prettify);
        assertEquals("115555.44", xVat.getString("data.vatSummary.inputTax"), xVat::prettify);
    }

    // ------------------------------------------------------------------ VAT summary

    @Test
    void vatSummaryOfJanuaryAsWorkedOutByHand() {
        JsonPath vat = vat("rpt-r-accountant", 2013, 1);
        assertNull(vat.get("errors"), vat::prettify);
        String at = "data.vatSummary.";
        // Output: 160 (A1, special) + 390 (A4) − 130 (its red) − 72 (A5's red, special); the voided 260 and February's 91 left out.
        assertEquals("348.00", vat.getString(at + "outputTax"));
        assertEquals("88.00", vat.getString(at + "outputTaxSpecial"));
        assertEquals("260.00", vat.getString(at + "outputTaxOther"));
        assertEquals(List.of(Map.of("rate", "0.0600", "amount", "500.00", "tax", "30.00"),
                        Map.of("rate", "0.0900", "amount", "-800.00", "tax", "-72.00"),
                        Map.of("rate", "0.1300", "amount", "3000.00", "tax", "390.00")),
                vat.<Map<String, Object>>getList(at + "outputTaxByRate").stream().map(ReportsTest::asText).toList());
        // Input: B1 confirmed at 23:59:59 on 31 January; B2 (00:00:00 on 1 February) and the ordinary B6 are not January's.
        assertEquals("1300.00", vat.getString(at + "inputTax"));
        // Credit: November 2600 carried; December 2600 + 390 − 72 = 2918.
        assertEquals("2918.00", vat.getString(at + "creditBroughtForward"));
        // Transferred out: B4 flagged LOST_CONTROL (130), B5 red-reversed after deduction (65).
        assertEquals("195.00", vat.getString(at + "transferredOut"));
        assertEquals("65.00", vat.getString(at + "transferredOutRedReversed"));
        assertEquals("130.00", vat.getString(at + "transferredOutFlagged"));
        // 1300 + 2918 − 195 = 4023 deductible against 348.
        assertEquals("0.00", vat.getString(at + "payable"));
        assertEquals("3675.00", vat.getString(at + "creditCarriedForward"));
        assertEquals("2013-02-15", vat.getString(at + "statutoryDueDate"));
        assertEquals("2013-02-15", vat.getString(at + "filingDueDate")); // a Friday
        assertEquals("2013-01-01", vat.getString(at + "period.from"));
        assertEquals("2013-01-31", vat.getString(at + "period.to"));

        JsonPath february = vat("rpt-r-auditor", 2013, 2);
        assertEquals("3675.00", february.getString(at + "creditBroughtForward"), february::prettify);
        assertEquals("650.00", february.getString(at + "inputTax"));
        assertEquals("91.00", february.getString(at + "outputTax"));
        assertEquals("4234.00", february.getString(at + "creditCarriedForward"));
        assertEquals("2013-03-15", february.getString(at + "filingDueDate"));
    }

    @Test
    void vatSummaryMatchesPlainSqlOverTheSameRows() {
        JsonPath vat = vat("rpt-r-accountant", 2013, 1);
        Row plain = db.preparedQuery("""
                select (select sum(tax) from invoice where seller_org_id = $1 and status <> 'VOIDED'
                          and issue_date between '2013-01-01' and '2013-01-31') as output,
                       (select sum(tax) from invoice where buyer_org_id = $1 and type_code in ('01', '02', '08', '81') and direction = 'BLUE'
                          and buyer_confirmed_at >= '2013-01-01T00:00:00+08' and buyer_confirmed_at < '2013-02-01T00:00:00+08') as input
                """).execute(Tuple.of(orgId(R))).await().indefinitely().iterator().next();
        assertEquals(plain.getBigDecimal("output").toPlainString(), vat.getString("data.vatSummary.outputTax"));
        assertEquals(plain.getBigDecimal("input").toPlainString(), vat.getString("data.vatSummary.inputTax"));
    }

    @Test
    void theInvoicesBehindEveryFigureAddUpToItPageByPage() {
        JsonPath vat = vat("rpt-r-accountant", 2013, 1);
        Map<String, String> figures = Map.of("OUTPUT_TAX", "outputTax", "OUTPUT_TAX_SPECIAL", "outputTaxSpecial",
                "OUTPUT_TAX_OTHER", "outputTaxOther", "INPUT_TAX", "inputTax", "TRANSFERRED_OUT", "transferredOut");
        figures.forEach((figure, field) -> assertEquals(vat.getString("data.vatSummary." + field), sumOfEntries(figure, null).toPlainString(), figure));
        for (Map<String, Object> rate : vat.<Map<String, Object>>getList("data.vatSummary.outputTaxByRate")) {
            assertEquals(rate.get("tax").toString(), sumOfEntries("OUTPUT_TAX", rate.get("rate").toString()).toPlainString(), rate::toString);
        }
        JsonPath transferred = entries("TRANSFERRED_OUT", null, 10, null);
        List<String> reasons = transferred.getList("data.vatSummaryInvoices.edges.node.reason");
        assertEquals(List.of("LOST_CONTROL", "RED_REVERSED"), reasons.stream().sorted().toList(), transferred::prettify);
        assertTrue(transferred.<String>getList("data.vatSummaryInvoices.edges.node.invoiceId").contains(Long.toString(b4)));
        assertEquals(S, transferred.getString("data.vatSummaryInvoices.edges[0].node.counterpartyTaxId"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedNamingTheField() {
        JsonPath answer = statistics("rpt-r-accountant", Map.of("kind", "RANGE", "from", "2013-02-01", "to", "2013-01-31"), null, null);
        assertRefused(answer, "VALIDATION_FAILED", "input.period.to");
    }

    @Test
    void aRangeLongerThanTheMaximumIsRefused() {
        JsonPath answer = statistics("rpt-r-accountant", Map.of("kind", "RANGE", "from", "2012-01-01", "to", "2013-01-01"), null, null);
        assertRefused(answer, "VALIDATION_FAILED", "input.period.to");
        assertEquals("RANGE_TOO_LONG", answer.getString("errors[0].extensions.problems[0].code"), answer::prettify);
        JsonPath max = statistics("rpt-r-accountant", Map.of("kind", "RANGE", "from", "2012-07-01", "to", "2013-07-01"), null, null);
        assertNull(max.get("errors"), max::prettify); // 366 days
    }

    @Test
    void anUnknownOrRepeatedGroupingIsRefused() {
        JsonPath unknown = statistics("rpt-r-accountant", month(2013, 1), null, List.of("STATUS", "COLOUR"));
        assertFalse(unknown.prettify().contains("INTERNAL_ERROR"), unknown::prettify);
        // Refused before anything runs, as any value outside its enum: the code of values that do not fit their types, naming both.
        assertEquals("GRAPHQL_VALIDATION_FAILED", unknown.getString("errors[0].extensions.code"), unknown::prettify);
        assertTrue(unknown.getString("errors[0].message").contains("StatisticsGrouping"), unknown::prettify);
        assertTrue(unknown.getString("errors[0].message").contains("COLOUR"), unknown::prettify);
        assertNull(unknown.get("data.invoiceStatistics"));

        assertRefused(statistics("rpt-r-accountant", month(2013, 1), null, List.of("STATUS", "STATUS")), "VALIDATION_FAILED", "input.groupBy[1]");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused(statistics("rpt-r-accountant", month(2013, 1), null, withNull), "VALIDATION_FAILED", "input.groupBy[0]");
    }

    @Test
    void anUnknownEnumValueNamesThePathToItWhetherSentAsAVariableOrWrittenInTheDocument() {
        // As variables (what clients send): the code of values that do not fit their types, and the path to the bad value.
        JsonPath grouping = statistics("rpt-r-accountant", month(2013, 1), null, List.of("STATUS", "COLOUR"));
        assertRefused(grouping, "GRAPHQL_VALIDATION_FAILED", "input.groupBy[1]");
        assertNull(grouping.get("data.invoiceStatistics"));
        assertRefused(statistics("rpt-r-accountant", Map.of("kind", "WEEK", "year", 2013), null, null), "GRAPHQL_VALIDATION_FAILED", "input.period.kind");
        assertRefused(statistics("rpt-r-accountant", month(2013, 1), Map.of("status", List.of("NORMAL", "LOST")), null),
                "GRAPHQL_VALIDATION_FAILED", "input.filter.status[1]");
        assertRefused(statistics("rpt-r-accountant", month(2013, 1), Map.of("role", "OWNER"), null), "GRAPHQL_VALIDATION_FAILED", "input.filter.role");
        // Written in the document itself: the same code and the same path.
        JsonPath literal = exact(GraphQL.postQueryAs(Tokens.of("rpt-r-accountant"),
                "query { invoiceStatistics(input: {period: {kind: MONTH, year: 2013, month: 1}, groupBy: [STATUS, COLOUR]}) { totals { count } } }"));
        assertRefused(literal, "GRAPHQL_VALIDATION_FAILED", "input.groupBy[1]");
        assertTrue(literal.getString("errors[0].message").contains("COLOUR"), literal::prettify);
    }

    @Test
    void periodPartsThatDoNotFitTheKindAndExtremeValuesAreRefused() {
        assertRefused(statistics("rpt-r-accountant", Map.of("kind", "MONTH", "year", 2013, "month", 1, "from", "2013-01-01"), null, null),
                "VALIDATION_FAILED", "input.period.from");
        assertRefused(statistics("rpt-r-accountant", Map.of("kind", "MONTH", "year", 2013), null, null), "VALIDATION_FAILED", "input.period.month");
        assertRefused(statistics("rpt-r-accountant", Map.of("kind", "YEAR", "year", Integer.MAX_VALUE), null, null), "VALIDATION_FAILED", "input.period.year");
        assertRefused(statistics("rpt-r-accountant", month(2013, 1), Map.of("type", List.of("1'; drop table invoice; --")), null),
                "VALIDATION_FAILED", "input.filter.type");
        assertRefused(vat("rpt-r-accountant", 2013, 13), "VALIDATION_FAILED", "month");
        assertRefused(vat("rpt-r-accountant", Integer.MIN_VALUE, 1), "VALIDATION_FAILED", "year");
        assertRefused(entries("INPUT_TAX", "0.13", null, null), "VALIDATION_FAILED", "taxRate");
        assertRefused(entries("OUTPUT_TAX", "13%", null, null), "VALIDATION_FAILED", "taxRate");
        assertRefused(entries("OUTPUT_TAX", null, 0, null), "VALIDATION_FAILED", "first");
        assertRefused(entries("OUTPUT_TAX", null, 101, null), "VALIDATION_FAILED", "first");
        assertRefused(entries("OUTPUT_TAX", null, null, "bm90LWEtY3Vyc29y"), "VALIDATION_FAILED", "after");
        // A cursor of another figure does not page this one.
        String inputCursor = entries("INPUT_TAX", null, 1, null).getString("data.vatSummaryInvoices.pageInfo.endCursor");
        assertRefused(entries("OUTPUT_TAX", null, null, inputCursor), "VALIDATION_FAILED", "after");
    }

    @Test
    void rolesThatDoNotRunReportsAndAnonymousCallersAreRefused() {
        assertRefused(GraphQL.postAs(Tokens.of("rpt-r-issuer"), "vatSummary", "year", 2013, "month", 1), "FORBIDDEN", null);
        assertRefused(GraphQL.postAs(null, "vatSummary", "year", 2013, "month", 1), "UNAUTHENTICATED", null);
    }

    @Test
    void twoReportsInOneRequest() {
        JsonPath both = exact(GraphQL.postAs(Tokens.of("rpt-r-accountant"), "statisticsAndVatSummary",
                "input", Map.of("period", month(2013, 1)), "year", 2013, "month", 1));
        assertNull(both.get("errors"), both::prettify);
        assertEquals("348.00", both.getString("data.vatSummary.outputTax"));
        assertEquals("17300.00", both.getString("data.invoiceStatistics.totals.amount"));
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> month(int year, int month) {
        return Map.of("kind", "MONTH", "year", year, "month", month);
    }

    static Map<String, Object> year(int year) {
        return Map.of("kind", "YEAR", "year", year);
    }

    static JsonPath statistics(String user, Map<String, Object> period, Map<String, Object> filter, List<String> groupBy) {
        Map<String, Object> input = new HashMap<>();
        input.put("period", period);
        input.put("filter", filter);
        input.put("groupBy", groupBy);
        return exact(GraphQL.postAs(Tokens.of(user), "invoiceStatistics", "input", input));
    }

    static JsonPath vat(String user, int year, int month) {
        return exact(GraphQL.postAs(Tokens.of(user), "vatSummary", "year", year, "month", month));
    }

    static JsonPath entries(String figure, String rate, Integer first, String after) {
        return exact(GraphQL.postAs(Tokens.of("rpt-r-accountant"), "vatSummaryInvoices", "year", 2013, "month", 1, "figure", figure,
                "taxRate", rate, "first", first, "after", after));
    }

    /** Decimals read as BigDecimal with their scale, as a client that keeps money exact reads them. */
    static JsonPath exact(JsonPath answer) {
        return answer.using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Pages through a figure two entries at a time and adds up what each adds. */
    private static BigDecimal sumOfEntries(String figure, String rate) {
        BigDecimal sum = new BigDecimal("0.00");
        String after = null;
        for (int page = 0; page < 50; page++) {
            JsonPath answer = entries(figure, rate, 2, after);
            assertNull(answer.get("errors"), answer::prettify);
            for (Object tax : answer.getList("data.vatSummaryInvoices.edges.node.tax")) {
                sum = sum.add(new BigDecimal(tax.toString()));
            }
            if (!answer.getBoolean("data.vatSummaryInvoices.pageInfo.hasNextPage")) {
                return sum;
            }
            after = answer.getString("data.vatSummaryInvoices.pageInfo.endCursor");
        }
        throw new AssertionError("more than 50 pages of " + figure);
    }

    private long orgId(String uscc) {
        return new ReportFixtures(db).organisationId(uscc);
    }

    private List<Map<String, Object>> plain(String sql, String uscc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : db.preparedQuery(sql).execute(Tuple.of(orgId(uscc))).await().indefinitely()) {
            Map<String, Object> values = new HashMap<>();
            values.put("key", row.getValue("key") == null ? null : row.getValue("key").toString().strip());
            values.put("count", row.getLong("count").intValue());
            values.put("amount", row.getBigDecimal("amount"));
            values.put("tax", row.getBigDecimal("tax"));
            rows.add(values);
        }
        return rows;
    }

    private static void assertRows(List<Map<String, Object>> expected, JsonPath answer, String keyField) {
        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> rows = answer.getList("data.invoiceStatistics.rows");
        assertEquals(expected.size(), rows.size(), answer::prettify);
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(expected.get(k).get("key"), rows.get(k).get(keyField), answer::prettify);
            assertSums(expected.get(k), rows.get(k));
        }
    }

    private static void assertSums(Map<String, Object> expected, Map<String, Object> row) {
        assertEquals(expected.get("count"), row.get("count"), row::toString);
        assertEquals(0, ((BigDecimal) expected.get("amount")).compareTo(new BigDecimal(row.get("amount").toString())), row::toString);
        assertEquals(0, ((BigDecimal) expected.get("tax")).compareTo(new BigDecimal(row.get("tax").toString())), row::toString);
        BigDecimal total = ((BigDecimal) expected.get("amount")).add((BigDecimal) expected.get("tax"));
        assertEquals(0, total.compareTo(new BigDecimal(row.get("total").toString())), row::toString);
    }

    private static Map<String, String> asText(Map<String, Object> values) {
        Map<String, String> text = new HashMap<>();
        values.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
        return text;
    }

    static void assertRefused(JsonPath answer, String code, String field) {
        assertEquals(code, answer.getString("errors[0].extensions.code"), answer::prettify);
        if (field != null) {
            assertEquals(field, answer.getString("errors[0].extensions.field"), answer::prettify);
        }
        assertFalse(answer.prettify().contains("INTERNAL_ERROR"), answer::prettify);
    }
}
