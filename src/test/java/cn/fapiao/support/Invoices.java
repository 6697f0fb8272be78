package cn.fapiao.support;

import io.restassured.path.json.JsonPath;

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

    /** Issues as a-issuer and returns the invoice. */
    public static JsonPath issue(Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", input);
        assertNull(body.get("errors"), body::prettify);
        return body.setRootPath("data.issueInvoice");
    }
}
