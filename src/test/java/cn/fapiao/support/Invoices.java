package cn.fapiao.support;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;

/** Builds issueInvoice inputs and issues invoices through the real API, for tests. */
public final class Invoices {

    public static final String ORG_A = "91110000802100433B";
    public static final String ORG_B = "91110000101623741K";

    private Invoices() {
    }

    public static Map<String, Object> line(String itemName, String amount, String rate) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemName", itemName);
        line.put("amount", amount);
        line.put("taxRate", rate);
        return line;
    }

    /** An ordinary digital invoice from org A to org B with the given lines. */
    public static Map<String, Object> toOrgB(List<Map<String, Object>> lines) {
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("taxId", ORG_B);
        buyer.put("name", "测试乙公司 (org B)");
        buyer.put("bankAccount", "中国银行北京分行 1234 5678 9012");
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", "SPECIAL");
        input.put("buyer", buyer);
        input.put("lines", new ArrayList<>(lines));
        return input;
    }

    /** A legacy invoice written straight into the database, as an import from another system would leave it. */
    public record Legacy(long id, String number) {
    }

    /**
     * Inserts a legacy invoice (code + random 8-digit number) from org A to org B with the given
     * net amount and 13% tax, bypassing the API, for tests of what happens to imported invoices.
     */
    public static Legacy insertLegacy(Pool database, String code, String type, LocalDate issueDate, String checkCode,
                                      String status, String amount) {
        String number = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        BigDecimal net = new BigDecimal(amount);
        BigDecimal tax = net.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP);
        long id = database.preparedQuery("""
                        insert into invoice (organisation_id, generation, invoice_code, invoice_number, type_code, issue_date,
                            seller_org_id, seller_tax_id, seller_name, buyer_org_id, buyer_tax_id, buyer_name,
                            amount, tax, total, check_code, status, remaining_amount, source, source_system)
                        select a.id, 'LEGACY', $1, $2, $3, $4, a.id, a.uscc, a.name, b.id, b.uscc, b.name,
                            $5, $6, $7, $8, $9, $5, 'IMPORTED', 'test'
                        from organisation a, organisation b where a.uscc = $10 and b.uscc = $11
                        returning id""")
                .execute(Tuple.tuple().addString(code).addString(number).addString(type).addLocalDate(issueDate)
                        .addBigDecimal(net).addBigDecimal(tax).addBigDecimal(net.add(tax)).addString(checkCode).addString(status)
                        .addString(ORG_A).addString(ORG_B))
                .await().indefinitely().iterator().next().getLong("id");
        return new Legacy(id, number);
    }

    /** Issues as a-issuer and returns the invoice. */
    public static JsonPath issue(Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", input);
        assertNull(body.get("errors"), body::prettify);
        return body.setRootPath("data.issueInvoice");
    }

    /**
     * The number with the first digit of its sequence mistyped, for digital numbers this system
     * issued: a number no test issues (its sequence would start with 9), unlike the last digit
     * changed, which is often the next number issued.
     */
    public static String withSequenceDigitWrong(String number) {
        return number.substring(0, 5) + (number.charAt(5) == '9' ? '8' : '9') + number.substring(6);
    }

    /** The number with its last digit mistyped (one digit wrong). */
    public static String withLastDigitWrong(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (last == '9' ? '8' : (char) (last + 1));
    }
}
