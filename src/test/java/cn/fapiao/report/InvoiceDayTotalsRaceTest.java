package cn.fapiao.report;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Imports;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running totals the statistics read (V57) stay exact while many writers change invoices of
 * the same organisations on the same day at once: issues, voids, red reversals (two at a time on
 * one invoice), imports with lines and with red invoices, a tax status change and a deletion, all
 * racing over real HTTP. Afterwards both totals tables equal a plain aggregation of the invoices
 * and their lines, row for row, over the whole database; and the statistics answered from the
 * totals equal those answered from the invoices.
 */
@QuarkusTest
class InvoiceDayTotalsRaceTest {

    private static final String OUTSIDER = "91350100M000100Y43";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool db;

    @Test
    void concurrentIssuesVoidsReversalsAndImportsKeepTheTotalsExact() throws Exception {
        // Invoices to reverse and to void, made before the race.
        List<String> toReverse = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            toReverse.add(Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*服务*咨询", "100.00", "0.06"),
                    Invoices.line("*货物*电脑", "200.00", "0.13")))).getString("id"));
        }
        List<Long> toVoid = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            toVoid.add(Invoices.insertLegacy(db, "011002600111", "10", TODAY, "12345678901234567890", "NORMAL", "50.00").id());
        }

        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            String amount = (k + 1) + "0.00";
            calls.add(() -> GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", Invoices.toOrgB(List.of(
                    Invoices.line("*货物*纸张", amount, "0.13"), Invoices.line("*服务*运输", amount, "0.09"), Invoices.line("*货物*笔", "1.00", "0.13")))));
        }
        for (String id : toReverse) {
            // Two reversals of each at once: a partial one and a full one, only as much as remains.
            calls.add(() -> GraphQL.postAs(Tokens.of("a-issuer"), "redReverseInvoice", "input", Map.of("id", id, "reasonCode", 4, "amount", "30.00")));
            calls.add(() -> GraphQL.postAs(Tokens.of("a-issuer"), "redReverseInvoice", "input", Map.of("id", id, "reasonCode", 1)));
        }
        for (long id : toVoid) {
            calls.add(() -> GraphQL.postAs(Tokens.of("a-issuer"), "voidInvoice", "input", Map.of("id", Long.toString(id), "reason", "race")));
        }
        for (int k = 0; k < 6; k++) {
            Map<String, Object> blue = Imports.digital(OUTSIDER, Invoices.ORG_A, "300.00", "32.00", "332.00");
            blue.put("issueDate", TODAY.toString());
            blue.put("lines", List.of(Imports.line("*货物*桌子", "200.00", "0.13", "26.00"), Imports.line("*服务*安装", "100.00", "0.06", "6.00")));
            Map<String, Object> red = Imports.redOf(blue, "-100.00", "-13.00", "-113.00");
            red.put("issueDate", TODAY.toString());
            Map<String, Object> legacy = Imports.legacy(Invoices.ORG_A, Invoices.ORG_B, "80.00", "10.40", "90.40");
            legacy.put("issueDate", TODAY.toString());
            legacy.put("status", k % 2 == 0 ? "VOIDED" : "NORMAL");
            Map<String, Object> batch = Imports.batch(Imports.key(), List.of(blue, red, legacy));
            calls.add(() -> GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", batch));
        }
        Collections.shuffle(calls);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (Callable<JsonPath> call : calls) {
                answers.add(pool.submit(call));
            }
            for (Future<JsonPath> answer : answers) {
                JsonPath body = answer.get(120, TimeUnit.SECONDS);
                if (body.get("errors") != null) {
                    // The only refusal expected: a reversal of what the other one already reversed.
                    assertTrue(List.of("REVERSAL_EXCEEDS_REMAINING", "REVERSAL_NOT_ALLOWED").contains(body.getString("errors[0].extensions.code")),
                            body::prettify);
                }
                if (body.get("data.importInvoices") != null) {
                    assertEquals(3, body.getInt("data.importInvoices.created"), body::prettify);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // One more of each kind of change the totals follow: a tax status, and an invoice deleted with its lines.
        db.preparedQuery("update invoice set status = 'LOST_CONTROL' where id = $1").execute(Tuple.of(Long.valueOf(toReverse.get(0)))).await().indefinitely();
        long gone = Invoices.insertLegacy(db, "011002600111", "10", TODAY, "12345678901234567890", "NORMAL", "70.00").id();
        db.preparedQuery("insert into invoice_line (invoice_id, line_no, item_name, amount, tax_rate, tax, remaining_amount) values ($1, 1, 'x', 70.00, 0.13, 9.10, 70.00)")
                .execute(Tuple.of(gone)).await().indefinitely();
        db.preparedQuery("delete from invoice where id = $1").execute(Tuple.of(gone)).await().indefinitely();

        assertEquals(List.of(), differences(DAY_EXPECTED, "invoice_day_totals",
                "organisation_id, side, issue_date, status, type_code, direction, source, to_self"), "day totals against the invoices");
        assertEquals(List.of(), differences(RATE_EXPECTED, "invoice_rate_day_totals",
                "organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate"), "rate totals against the lines");

        // The recount a bulk load calls (bench/sql/load.sql) gives the same rows as the increments.
        db.query("select invoice_totals_rebuild()").execute().await().indefinitely();
        assertEquals(List.of(), differences(DAY_EXPECTED, "invoice_day_totals",
                "organisation_id, side, issue_date, status, type_code, direction, source, to_self"), "day totals recounted");
        assertEquals(List.of(), differences(RATE_EXPECTED, "invoice_rate_day_totals",
                "organisation_id, side, issue_date, status, type_code, direction, source, to_self, tax_rate"), "rate totals recounted");

        // What a reader sees: the same statistics from the totals as from the invoices (a filter the totals cannot answer sends it there).
        for (List<String> groupBy : List.of(List.of("STATUS", "TAX_RATE"), List.of("STATUS", "SOURCE", "DIRECTION", "ROLE"), List.<String>of())) {
            Map<String, Object> period = Map.of("kind", "MONTH", "year", TODAY.getYear(), "month", TODAY.getMonthValue());
            JsonPath fromTotals = statistics(period, null, groupBy);
            JsonPath fromInvoices = statistics(period, Map.of("amountMin", "-999999999"), groupBy);
            assertNull(fromTotals.get("errors"), fromTotals::prettify);
            assertNull(fromInvoices.get("errors"), fromInvoices::prettify);
            assertEquals(normalised(fromInvoices.getList("data.invoiceStatistics.rows")), normalised(fromTotals.getList("data.invoiceStatistics.rows")),
                    groupBy.toString());
            assertEquals(normalised(List.of(fromInvoices.getMap("data.invoiceStatistics.totals"))),
                    normalised(List.of(fromTotals.getMap("data.invoiceStatistics.totals"))), groupBy.toString());
            assertTrue(fromTotals.getInt("data.invoiceStatistics.totals.count") >= 16, fromTotals::prettify);
        }
    }

    private static final String DAY_EXPECTED = """
            select s.org as organisation_id, s.side::varchar as side, i.issue_date, i.status, i.type_code, i.direction, i.source,
                   i.seller_org_id is not distinct from i.buyer_org_id as to_self, count(*)::bigint as invoices, sum(i.amount) as amount, sum(i.tax) as tax
            from invoice i cross join lateral (values (i.seller_org_id, 'SELLER'), (i.buyer_org_id, 'BUYER')) s(org, side)
            where s.org is not null
            group by 1, 2, 3, 4, 5, 6, 7, 8""";

    private static final String RATE_EXPECTED = """
            select s.org as organisation_id, s.side::varchar as side, i.issue_date, i.status, i.type_code, i.direction, i.source,
                   i.seller_org_id is not distinct from i.buyer_org_id as to_self, coalesce(r.tax_rate, -1) as tax_rate,
                   count(*)::bigint as invoices, sum(coalesce(r.amount, i.amount)) as amount, sum(coalesce(r.tax, i.tax)) as tax
            from invoice i
            left join (select invoice_id, tax_rate, sum(amount) as amount, sum(tax) as tax from invoice_line group by 1, 2) r on r.invoice_id = i.id
            cross join lateral (values (i.seller_org_id, 'SELLER'), (i.buyer_org_id, 'BUYER')) s(org, side)
            where s.org is not null
            group by 1, 2, 3, 4, 5, 6, 7, 8, 9""";

    /** Rows in one and not the other (rows of zeros left behind by changes that cancelled out are no rows). */
    private List<String> differences(String expected, String table, String key) {
        String actual = "select " + key + ", invoices, amount, tax from " + table + " where invoices <> 0 or amount <> 0 or tax <> 0";
        String sql = "with e as (" + expected + "), a as (" + actual + ") "
                + "select 'missing' as what, * from (select * from e except select * from a) m "
                + "union all select 'extra', * from (select * from a except select * from e) x";
        List<String> rows = new ArrayList<>();
        for (Row row : db.query(sql).execute().await().indefinitely()) {
            rows.add(row.toJson().encode());
        }
        return rows;
    }

    private static JsonPath statistics(Map<String, Object> period, Map<String, Object> filter, List<String> groupBy) {
        Map<String, Object> input = new HashMap<>();
        input.put("period", period);
        input.put("filter", filter);
        input.put("groupBy", groupBy);
        return GraphQL.postAs(Tokens.of("a-accountant"), "invoiceStatistics", "input", input)
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Rows with amounts as exact decimals whatever their JSON form (number or string), for comparing. */
    private static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new HashMap<>(row);
            for (String amount : List.of("amount", "tax", "total", "taxRate")) {
                if (copy.get(amount) != null) {
                    copy.put(amount, new BigDecimal(String.valueOf(copy.get(amount))).stripTrailingZeros());
                }
            }
            out.add(copy);
        }
        return out;
    }
}
