package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invoice list over real HTTP with real tokens. The test's own invoices are all dated in 2011,
 * a year no other test uses, so that exact counts hold whatever other tests insert; one test pages
 * through everything unfiltered and checks the test's invoices keep their place within it.
 */
@QuarkusTest
class InvoiceListTest {

    static final String ORG_A = "91110000802100433B";
    static final String ORG_B = "91110000101623741K";
    static final String OUTSIDER = "91350100M000100Y43";
    static final Map<String, Object> YEAR_2011 = Map.of("issueDateFrom", "2011-01-01", "issueDateTo", "2011-12-31");
    static final List<Fixture> FIXTURES = fixtures();

    /** One test invoice; {@code id} is filled in from the database (it breaks ties in every order). */
    record Fixture(String number, LocalDate date, String status, BigDecimal amount, String source, String seller, String buyer,
                   String buyerName, boolean red) {
        BigDecimal total() {
            return amount.add(tax());
        }

        BigDecimal tax() {
            return amount.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP);
        }

        boolean visibleTo(String uscc) {
            return seller.equals(uscc) || buyer.equals(uscc);
        }
    }

    static final Map<String, Long> IDS = new HashMap<>();

    @Inject
    Pool pool;

    private static List<Fixture> fixtures() {
        List<Fixture> list = new ArrayList<>();
        LocalDate start = LocalDate.of(2011, 3, 1);
        for (int k = 0; k < 30; k++) { // A sells to B: ten dates, three invoices each (ties broken by id)
            String status = k % 5 == 0 ? "VOIDED" : k % 7 == 3 ? "LOST_CONTROL" : "NORMAL";
            list.add(new Fixture(number(k), start.plusDays((k % 10) * 7L), status, new BigDecimal(1000 + (k % 15) * 100).setScale(2),
                    k % 4 == 0 ? "IMPORTED" : "ISSUED", ORG_A, ORG_B, k % 3 == 0 ? "测试乙公司 Branch_% 分店" : "测试乙公司 (org B)", false));
        }
        for (int k = 30; k < 34; k++) { // A sells to a buyer outside the system: B must never see these
            list.add(new Fixture(number(k), start.plusDays((k - 30) * 10L), "NORMAL", new BigDecimal(5000 + (k - 30) * 1000).setScale(2),
                    "ISSUED", ORG_A, OUTSIDER, "厦门外部客户 Outside", false));
        }
        for (int k = 34; k < 38; k++) { // B sells to A
            list.add(new Fixture(number(k), LocalDate.of(2011, 4, 1).plusDays((k - 34) * 5L), "NORMAL",
                    new BigDecimal(800 + (k - 34) * 50).setScale(2), "IMPORTED", ORG_B, ORG_A, "测试甲公司 (org A)", false));
        }
        // A red invoice reversing invoice 1 in part: a negative total, first in TOTAL_ASC.
        list.add(new Fixture(number(38), LocalDate.of(2011, 3, 20), "NORMAL", new BigDecimal("-500.00"), "ISSUED", ORG_A, ORG_B,
                "测试乙公司 (org B)", true));
        // A sells to itself (between its own branches): seller and buyer side both find it, the list shows it once.
        list.add(new Fixture(number(39), LocalDate.of(2011, 4, 10), "NORMAL", new BigDecimal("3000.00"), "ISSUED", ORG_A, ORG_A,
                "测试甲公司 (org A)", false));
        return List.copyOf(list);
    }

    private static String number(int k) {
        return "26119777700000000" + String.format("%03d", k);
    }

    @BeforeEach
    void insertInvoicesOnce() {
        synchronized (IDS) {
            if (!IDS.isEmpty()) {
                return;
            }
            String insert = """
                    insert into invoice (generation, invoice_number, type_code, issue_date, seller_org_id, seller_tax_id, seller_name,
                        buyer_org_id, buyer_tax_id, buyer_name, amount, tax, total, status, direction, original_invoice_id, red_reason,
                        remaining_amount, source, organisation_id)
                    values ('DIGITAL', $1, '82', $2, (select id from organisation where uscc = $3), $3, $4,
                        (select id from organisation where uscc = $5), $5, $6, $7, $8, $9, $10, $11,
                        (select id from invoice where invoice_code is null and invoice_number = $12), $13, $14, $15,
                        (select id from organisation where uscc = $3))
                    on conflict (organisation_id, invoice_number) where invoice_code is null do nothing""";
            for (Fixture f : FIXTURES) { // one by one, so that ids follow the list and the red one finds its original
                Tuple values = Tuple.tuple()
                        .addValue(f.number()).addValue(f.date()).addValue(f.seller())
                        .addValue(f.seller().equals(ORG_A) ? "测试甲公司 (org A)" : "测试乙公司 (org B)")
                        .addValue(f.buyer()).addValue(f.buyerName()).addValue(f.amount()).addValue(f.tax()).addValue(f.total())
                        .addValue(f.status()).addValue(f.red() ? "RED" : "BLUE")
                        .addValue(f.red() ? number(1) : null).addValue(f.red() ? Short.valueOf((short) 1) : null)
                        .addValue(f.red() ? BigDecimal.ZERO.setScale(2) : f.amount()).addValue(f.source());
                pool.preparedQuery(insert).execute(values).await().indefinitely();
            }
            for (Row row : pool.query("select invoice_number, id from invoice where invoice_number like '261197777%'")
                    .execute().await().indefinitely()) {
                IDS.put(row.getString("invoice_number"), row.getLong("id"));
            }
            assertEquals(FIXTURES.size(), IDS.size());
        }
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pagingForwardVisitsEveryInvoiceOnceNewestFirst() {
        List<String> expected = expected(ORG_A, f -> true, byDateDesc());
        assertEquals(40, expected.size());
        List<JsonPath> pages = new ArrayList<>();
        List<String> seen = pageForward(Tokens.of("a-accountant"), YEAR_2011, null, 7, pages);
        assertEquals(expected, seen);
        assertEquals(6, pages.size());
        assertEquals(false, pages.get(0).get("data.invoices.pageInfo.hasPreviousPage"));
        assertEquals(true, pages.get(1).get("data.invoices.pageInfo.hasPreviousPage"));
        assertEquals(5, pages.get(5).getList("data.invoices.edges").size());
        for (JsonPath page : pages) {
            assertEquals(40, page.getInt("data.invoices.totalCount"));
        }
    }

    @Test
    void totalCountCountsTheWholeListEvenWhenThePageIsEmpty() {
        // The count is read in the page's statement; past either end of the list the page has no
        // rows, and the count must still come.
        String token = Tokens.of("a-accountant");
        JsonPath all = invoices(token, YEAR_2011, null, 100, null, null, null);
        assertEquals(40, all.getList("data.invoices.edges").size());

        JsonPath afterLast = invoices(token, YEAR_2011, null, 5, all.get("data.invoices.pageInfo.endCursor"), null, null);
        assertNull(afterLast.get("errors"), afterLast::prettify);
        assertEquals(List.of(), afterLast.getList("data.invoices.edges"));
        assertEquals(40, afterLast.getInt("data.invoices.totalCount"));
        assertEquals(false, afterLast.getBoolean("data.invoices.pageInfo.hasNextPage"));
        assertEquals(true, afterLast.getBoolean("data.invoices.pageInfo.hasPreviousPage"));

        JsonPath beforeFirst = invoices(token, YEAR_2011, null, null, null, 5, all.get("data.invoices.pageInfo.startCursor"));
        assertNull(beforeFirst.get("errors"), beforeFirst::prettify);
        assertEquals(List.of(), beforeFirst.getList("data.invoices.edges"));
        assertEquals(40, beforeFirst.getInt("data.invoices.totalCount"));
        assertEquals(false, beforeFirst.getBoolean("data.invoices.pageInfo.hasPreviousPage"));
    }

    @Test
    void totalCountAskedForThroughAFragmentAndAnAliasIsCounted() {
        // The count is read with the page only when the document selects it: fragments and aliases count.
        String query = "query Q($f: InvoiceFilter) { invoices(filter: $f, first: 2) { ...Counted } }"
                + " fragment Counted on InvoiceConnection { edges { node { number } } ... on InvoiceConnection { howMany: totalCount } }";
        JsonPath body = GraphQL.postQueryAs(Tokens.of("a-accountant"), query, "f", YEAR_2011);
        assertNull(body.get("errors"), body::prettify);
        assertEquals(40, body.getInt("data.invoices.howMany"));
        assertEquals(2, body.getList("data.invoices.edges").size());
    }

    @Test
    void pagingByTotalKeepsNegativeAndTiedTotalsInOrder() {
        List<String> ascending = expected(ORG_A, f -> true, byTotal());
        assertEquals(number(38), ascending.get(0)); // the red invoice
        assertEquals(ascending, pageForward(Tokens.of("a-accountant"), YEAR_2011, "TOTAL_ASC", 7, null));
        assertEquals(reversed(ascending), pageForward(Tokens.of("a-accountant"), YEAR_2011, "TOTAL_DESC", 5, null));
        assertEquals(reversed(expected(ORG_A, f -> true, byDateDesc())),
                pageForward(Tokens.of("a-accountant"), YEAR_2011, "ISSUE_DATE_ASC", 10, null));
    }

    @Test
    void pagingBackwardGivesTheSameInvoices() {
        List<String> expected = expected(ORG_A, f -> true, byDateDesc());
        List<String> seen = new ArrayList<>();
        String before = null;
        int pages = 0;
        while (true) {
            JsonPath page = invoices(Tokens.of("a-accountant"), YEAR_2011, null, null, null, 7, before);
            assertNull(page.get("errors"), page::prettify);
            List<String> numbers = page.getList("data.invoices.edges.node.number");
            seen.addAll(0, numbers);
            assertEquals(before != null, page.getBoolean("data.invoices.pageInfo.hasNextPage"));
            pages++;
            if (!page.getBoolean("data.invoices.pageInfo.hasPreviousPage")) {
                break;
            }
            before = page.get("data.invoices.pageInfo.startCursor");
            assertTrue(pages < 20, "paging backwards does not end");
        }
        assertEquals(expected, seen);
        assertEquals(6, pages);
    }

    @Test
    void unfilteredPagingSeesEachInvoiceOnceAndKeepsTheTestInvoicesInPlace() {
        List<String> all = pageForward(Tokens.of("a-auditor"), null, null, 100, null);
        assertEquals(all.size(), new HashSet<>(all).size(), "an invoice appeared twice");
        List<String> mine = all.stream().filter(IDS::containsKey).toList();
        assertEquals(expected(ORG_A, f -> true, byDateDesc()), mine);
        JsonPath counted = invoices(Tokens.of("a-auditor"), null, null, 1, null, null, null);
        assertEquals(all.size(), counted.getInt("data.invoices.totalCount"));
    }

    // ------------------------------------------------------------------ filters

    @Test
    void eachFilterNarrowsTheList() {
        String a = Tokens.of("a-accountant");
        assertFiltered(a, ORG_A, Map.of("status", List.of("VOIDED")), f -> f.status().equals("VOIDED"), 6);
        assertFiltered(a, ORG_A, Map.of("status", List.of("VOIDED", "LOST_CONTROL")), f -> !f.status().equals("NORMAL"), 9);
        assertFiltered(a, ORG_A, Map.of("issueDateFrom", "2011-03-08", "issueDateTo", "2011-03-22"),
                f -> !f.date().isBefore(LocalDate.of(2011, 3, 8)) && !f.date().isAfter(LocalDate.of(2011, 3, 22)), 12);
        // Case-insensitive, and % and _ are literal: an unescaped "_%" would match every invoice.
        assertFiltered(a, ORG_A, Map.of("buyerNameContains", "branch_%"), f -> f.buyerName().contains("Branch_%"), 10);
        assertFiltered(a, ORG_A, Map.of("buyerNameContains", "_%"), f -> f.buyerName().contains("_%"), 10);
        assertFiltered(a, ORG_A, Map.of("buyerNameContains", "OUTSIDE"), f -> f.buyer().equals(OUTSIDER), 4);
        assertFiltered(a, ORG_A, Map.of("buyerNameContains", "ou_side"), f -> false, 0); // "_" as a wildcard would find "Outside"
        assertFiltered(a, ORG_A, Map.of("buyerNameContains", "bran%店"), f -> false, 0); // "%" as a wildcard would find "Branch_% 分店"
        assertFiltered(a, ORG_A, Map.of("amountMin", "1469", "amountMax", "2034.00"),
                f -> f.total().compareTo(new BigDecimal("1469")) >= 0 && f.total().compareTo(new BigDecimal("2034")) <= 0, 12);
        assertFiltered(a, ORG_A, Map.of("source", List.of("IMPORTED")), f -> f.source().equals("IMPORTED"), 12);
        assertFiltered(a, ORG_A, Map.of("direction", "RED"), Fixture::red, 1);
        assertFiltered(a, ORG_A, Map.of("buyerTaxId", OUTSIDER), f -> f.buyer().equals(OUTSIDER), 4);
        assertFiltered(a, ORG_A, Map.of("type", List.of("81")), f -> false, 0);
        assertFiltered(a, ORG_A, Map.of("role", "BUYER"), f -> f.buyer().equals(ORG_A), 5);
        assertFiltered(a, ORG_A, Map.of("role", "SELLER"), f -> f.seller().equals(ORG_A), 36);

        String b = Tokens.of("b-accountant");
        assertFiltered(b, ORG_B, Map.of(), f -> true, 35);
        assertFiltered(b, ORG_B, Map.of("role", "SELLER"), f -> f.seller().equals(ORG_B), 4);
        assertFiltered(b, ORG_B, Map.of("role", "BUYER"), f -> f.buyer().equals(ORG_B), 31);
        assertFiltered(b, ORG_B, Map.of("role", "BUYER", "status", List.of("NORMAL"), "amountMin", "1500"),
                f -> f.buyer().equals(ORG_B) && f.status().equals("NORMAL") && f.total().compareTo(new BigDecimal("1500")) >= 0, 17);
    }

    @Test
    void anotherOrganisationNeverSeesInvoicesItIsNotPartyTo() {
        Set<String> outsideNumbers = Set.of(number(30), number(31), number(32), number(33));
        String b = Tokens.of("b-accountant");
        List<String> everything = pageForward(b, null, null, 100, null);
        assertTrue(everything.stream().noneMatch(outsideNumbers::contains), everything::toString);
        JsonPath counted = invoices(b, with(Map.of("buyerTaxId", OUTSIDER)), null, 5, null, null, null);
        assertEquals(0, counted.getInt("data.invoices.totalCount"));
        assertEquals(List.of(), counted.getList("data.invoices.edges"));
        assertEquals(35, invoices(b, YEAR_2011, null, 1, null, null, null).getInt("data.invoices.totalCount"));
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void supportAgentsAndAnonymousCallersAreRefused() {
        JsonPath support = invoices(Tokens.of("a-support_agent"), null, null, null, null, null, null);
        assertEquals("FORBIDDEN", support.get("errors[0].extensions.code"), support::prettify);
        assertNull(support.get("data"));
        JsonPath anonymous = invoices(null, null, null, null, null, null, null);
        assertEquals("UNAUTHENTICATED", anonymous.get("errors[0].extensions.code"), anonymous::prettify);
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        String a = Tokens.of("a-accountant");
        JsonPath comma = invoices(a, Map.of("amountMin", "12,5"), null, null, null, null, null);
        assertEquals("MONEY_MALFORMED", comma.get("errors[0].extensions.code"), comma::prettify);
        assertEquals("filter", comma.get("errors[0].extensions.field"), comma::prettify);
        assertNull(comma.get("data"), comma::prettify);
        assertRefused(invoices(a, Map.of("amountMin", "200", "amountMax", "100"), null, null, null, null, null), "filter.amountMin");
        assertRefused(invoices(a, Map.of("issueDateFrom", "2011-05-01", "issueDateTo", "2011-04-01"), null, null, null, null, null),
                "filter.issueDateFrom");
        assertRefused(invoices(a, Map.of("type", List.of("8")), null, null, null, null, null), "filter.type");
        assertRefused(invoices(a, null, null, 500, null, null, null), "first");
        assertRefused(invoices(a, null, null, 0, null, null, null), "first");
        assertRefused(invoices(a, null, null, 5, null, 5, null), "last");
        String dateCursor = invoices(a, YEAR_2011, null, 2, null, null, null).get("data.invoices.pageInfo.endCursor");
        assertNotNull(dateCursor);
        assertRefused(invoices(a, YEAR_2011, "TOTAL_DESC", 2, dateCursor, null, null), "after");
        assertRefused(invoices(a, YEAR_2011, "ISSUE_DATE_ASC", null, null, 2, dateCursor), "before");
        assertRefused(invoices(a, null, null, null, "garbage", null, null), "after");
    }

    // ------------------------------------------------------------------ shape

    @Test
    void listWorksNextToAnotherRootFieldAndWithoutTotalCount() {
        JsonPath both = GraphQL.postAs(Tokens.of("a-accountant"), "invoicesAndMe", "filter", with(Map.of("direction", "RED")));
        assertNull(both.get("errors"), both::prettify);
        assertEquals("a-accountant", both.get("data.me.username"));
        assertEquals(List.of(number(38)), both.getList("data.invoices.edges.node.number"));
        assertEquals(1, both.getInt("data.invoices.totalCount"));

        JsonPath withoutCount = GraphQL.postAs(Tokens.of("a-accountant"), "invoicesWithoutCount", "filter", YEAR_2011, "first", 3);
        assertNull(withoutCount.get("errors"), withoutCount::prettify);
        assertEquals(expected(ORG_A, f -> true, byDateDesc()).subList(0, 3), withoutCount.getList("data.invoices.edges.node.number"));
    }

    @Test
    void connectionPublishesOnlyEdgesPageInfoAndTotalCount() {
        String schema = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Matcher type = Pattern.compile("type InvoiceConnection \\{(.*?)}", Pattern.DOTALL).matcher(schema);
        assertTrue(type.find(), schema);
        List<String> fields = type.group(1).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("\"")).map(line -> line.substring(0, line.indexOf(':'))).toList();
        assertEquals(List.of("edges", "pageInfo", "totalCount"), fields);
    }

    // ------------------------------------------------------------------ helpers

    private void assertFiltered(String token, String viewer, Map<String, Object> filter, Predicate<Fixture> predicate, int count) {
        List<String> expected = expected(viewer, predicate, byDateDesc());
        assertEquals(count, expected.size(), "the test data no longer has the intended shape for " + filter);
        JsonPath first = invoices(token, with(filter), null, 100, null, null, null);
        assertNull(first.get("errors"), first::prettify);
        assertEquals(count, first.getInt("data.invoices.totalCount"), filter::toString);
        assertEquals(expected, pageForward(token, with(filter), null, 4, null), filter::toString);
    }

    private static void assertRefused(JsonPath response, String field) {
        assertEquals("VALIDATION_FAILED", response.get("errors[0].extensions.code"), response::prettify);
        assertEquals(field, response.get("errors[0].extensions.field"), response::prettify);
        assertNull(response.get("data"), response::prettify);
    }

    /** The filter restricted to the test's own invoices (2011). */
    private static Map<String, Object> with(Map<String, Object> filter) {
        Map<String, Object> combined = new LinkedHashMap<>(YEAR_2011);
        combined.putAll(filter);
        return combined;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private List<String> expected(String viewer, Predicate<Fixture> predicate, Comparator<Fixture> order) {
        return FIXTURES.stream().filter(f -> f.visibleTo(viewer)).filter(predicate).sorted(order).map(Fixture::number).toList();
    }

    private Comparator<Fixture> byDateDesc() {
        return Comparator.comparing(Fixture::date).thenComparing(f -> IDS.get(f.number())).reversed();
    }

    private Comparator<Fixture> byTotal() {
        return Comparator.comparing(Fixture::total).thenComparing(f -> IDS.get(f.number()));
    }

    /** All numbers, following endCursor until hasNextPage is false; the pages are collected when a list is given. */
    private List<String> pageForward(String token, Map<String, Object> filter, String order, int size, List<JsonPath> pages) {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 1000; page++) {
            JsonPath response = invoices(token, filter, order, size, after, null, null);
            assertNull(response.get("errors"), response::prettify);
            if (pages != null) {
                pages.add(response);
            }
            List<String> numbers = response.getList("data.invoices.edges.node.number");
            assertTrue(numbers.size() <= size);
            seen.addAll(numbers);
            if (!response.getBoolean("data.invoices.pageInfo.hasNextPage")) {
                return seen;
            }
            assertEquals(size, numbers.size(), "a page before the last one is not full");
            after = response.get("data.invoices.pageInfo.endCursor");
        }
        throw new AssertionError("paging forwards does not end");
    }

    private static JsonPath invoices(String token, Map<String, Object> filter, String order, Integer first, String after,
                                     Integer last, String before) {
        return GraphQL.postAs(token, "invoices", "filter", filter, "orderBy", order, "first", first, "after", after,
                "last", last, "before", before);
    }
}
