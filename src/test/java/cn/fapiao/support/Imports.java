package cn.fapiao.support;

import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertNull;

/** Builds importInvoices inputs and imports them through the real API, for tests. */
public final class Imports {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private Imports() {
    }

    /** Imports as the given user; fails the test on any GraphQL error. */
    public static JsonPath importAs(String user, Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of(user), "importInvoices", "input", input);
        assertNull(body.get("errors"), body::prettify);
        return body.setRootPath("data.importInvoices");
    }

    public static boolean problem(Object problem, String field, String code) {
        Map<?, ?> p = (Map<?, ?>) problem;
        return field.equals(p.get("field")) && code.equals(p.get("code"));
    }

    public static Map<String, Object> batch(String key, List<Map<String, Object>> invoices) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("idempotencyKey", key);
        input.put("source", "kingdee-erp");
        input.put("invoices", invoices);
        return input;
    }

    /** An ordinary (04) legacy invoice with a made-up Beijing code and a random number. */
    public static Map<String, Object> legacy(String seller, String buyer, String amount, String tax, String total) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> invoice = invoice(seller, buyer, amount, tax, total);
        invoice.put("code", "0110023" + String.format("%03d", random.nextInt(1000)) + "04");
        invoice.put("number", String.format("%08d", 1 + random.nextInt(99_999_999)));
        invoice.put("checkCode", String.format("%010d%010d", random.nextLong(10_000_000_000L), random.nextLong(10_000_000_000L)));
        return invoice;
    }

    /** A fully digital ordinary invoice (82) with a random 20-digit Beijing number (channel 9: not this system's range). */
    public static Map<String, Object> digital(String seller, String buyer, String amount, String tax, String total) {
        Map<String, Object> invoice = invoice(seller, buyer, amount, tax, total);
        invoice.put("number", digitalNumber());
        invoice.put("typeCode", "82");
        return invoice;
    }

    public static String digitalNumber() {
        return "25119" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    public static Map<String, Object> invoice(String seller, String buyer, String amount, String tax, String total) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("issueDate", TODAY.minusDays(3).toString());
        invoice.put("seller", party(seller, "卖方 " + seller));
        invoice.put("buyer", party(buyer, "买方 " + buyer));
        invoice.put("amount", amount);
        invoice.put("tax", tax);
        invoice.put("total", total);
        return invoice;
    }

    public static Map<String, Object> party(String taxId, String name) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("taxId", taxId);
        party.put("name", name);
        return party;
    }

    public static Map<String, Object> line(String itemName, String amount, String rate, String tax) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemName", itemName);
        line.put("amount", amount);
        line.put("taxRate", rate);
        line.put("tax", tax);
        return line;
    }

    /** A red invoice reversing {@code original} (same parties) by the given negative amounts. */
    public static Map<String, Object> redOf(Map<String, Object> original, String amount, String tax, String total) {
        Map<?, ?> seller = (Map<?, ?>) original.get("seller");
        Map<?, ?> buyer = (Map<?, ?>) original.get("buyer");
        Map<String, Object> red = digital((String) seller.get("taxId"), (String) buyer.get("taxId"), amount, tax, total);
        red.put("direction", "RED");
        if (original.get("code") != null) {
            red.put("originalCode", original.get("code"));
        }
        red.put("originalNumber", original.get("number"));
        red.put("redReason", 2);
        return red;
    }

    public static String key() {
        return "import-test-" + UUID.randomUUID();
    }
}
