package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text the API takes, wherever it sits (an argument, a field of an input object, an entry of
 * a list of them), refuses a NUL character as VALIDATION_FAILED naming it, never as
 * INTERNAL_ERROR. Walks the served schema, so a new operation or input field is covered the day it
 * appears; a new operation that needs a role none of {@link #CALLERS} has fails here until added.
 */
@QuarkusTest
class EveryTextArgumentTest {

    private static final String NUL_TEXT = "x\u0000y";
    /** Who calls an operation, so that a role check cannot answer before the argument is looked at; others: an accountant. */
    private static final Map<String, String> CALLERS = Map.ofEntries(
            Map.entry("users", "a-admin"), Map.entry("createUser", "a-admin"), Map.entry("updateUser", "a-admin"),
            Map.entry("auditLog", "a-auditor"),
            Map.entry("webhookEndpoints", "a-admin"), Map.entry("registerWebhookEndpoint", "a-admin"), Map.entry("updateWebhookEndpoint", "a-admin"),
            Map.entry("rotateWebhookSecret", "a-admin"), Map.entry("deleteWebhookEndpoint", "a-admin"), Map.entry("webhookDeliveries", "a-admin"),
            Map.entry("replayWebhookDelivery", "a-admin"),
            Map.entry("previewInvoice", "a-issuer"), Map.entry("issueInvoice", "a-issuer"),
            Map.entry("voidInvoice", "a-issuer"), Map.entry("redReverseInvoice", "a-issuer"),
            Map.entry("setInvoiceTaxStatus", "a-partner"), Map.entry("importInvoices", "a-partner"),
            Map.entry("moveTicket", "a-support_agent"), Map.entry("replyToTicket", "a-support_agent"), Map.entry("assignTicket", "a-support_agent"),
            Map.entry("setTicketLevel", "a-support_agent"), Map.entry("mergeTicket", "a-support_agent"),
            Map.entry("saveKnowledgeArticle", "a-support_agent"), Map.entry("supportStatistics", "a-support_agent"),
            Map.entry("knowledgeArticles", "a-support_agent"), Map.entry("setKnowledgeArticleActive", "a-support_agent"),
            Map.entry("supportCalendar", "a-admin"), Map.entry("setSupportCalendarDay", "a-admin"), Map.entry("removeSupportCalendarDay", "a-admin"));

    private static final String INTROSPECTION = """
            { __schema { queryType { name } mutationType { name } types {
                kind name enumValues { name }
                fields { name args { name type { ...T } } type { ...T } }
                inputFields { name type { ...T } } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
            """;

    private Map<String, Map<String, Object>> types;

    @Test
    void everyTextInputRefusesNulNamingItself() {
        JsonPath schema = GraphQL.postQuery(INTROSPECTION);
        types = new LinkedHashMap<>();
        for (Map<String, Object> type : schema.<Map<String, Object>>getList("data.__schema.types")) {
            types.put((String) type.get("name"), type);
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String operation : List.of("query", "mutation")) {
            String rootName = schema.getString("data.__schema." + operation + "Type.name");
            for (Map<String, Object> field : fields(types.get(rootName), "fields")) {
                for (Map<String, Object> argument : fields(field, "args")) {
                    for (List<String> target : textPaths(typeOf(argument), List.of((String) argument.get("name")), Set.of())) {
                        checked++;
                        check(operation, field, target, failures);
                    }
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " text inputs found: is the walk still reading the schema?");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " text inputs:\n" + String.join("\n", failures));
    }

    private void check(String operation, Map<String, Object> field, List<String> target, List<String> failures) {
        String name = (String) field.get("name");
        StringJoiner variables = new StringJoiner(", ", "(", ")");
        StringJoiner arguments = new StringJoiner(", ", "(", ")");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map<String, Object> argument : fields(field, "args")) {
            String argumentName = (String) argument.get("name");
            boolean isTarget = argumentName.equals(target.get(0));
            if (!isTarget && !nonNull(typeOf(argument))) {
                continue;
            }
            variables.add("$" + argumentName + ": " + typeName(typeOf(argument)));
            arguments.add(argumentName + ": $" + argumentName);
            values.put(argumentName, value(typeOf(argument), isTarget ? target.subList(1, target.size()) : null));
        }
        String selection = "OBJECT".equals(kind(bare(typeOf(field)))) ? " { __typename }" : "";
        String document = operation + " Probe" + variables + " { " + name + arguments + selection + " }";
        Object[] pairs = values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        JsonPath answer = GraphQL.postQueryAs(Tokens.of(CALLERS.getOrDefault(name, "a-accountant")), document, pairs);
        String path = pathText(target);
        String code = answer.getString("errors[0].extensions.code");
        String refused = answer.getString("errors[0].extensions.field");
        if (!"VALIDATION_FAILED".equals(code) || !path.equals(refused)) {
            failures.add(name + " " + path + ": " + code + " naming " + refused + " " + answer.getString("errors[0].message"));
        }
    }

    /** Paths from here to every String or ID inside the type, through input objects and lists (as element 0). */
    private List<List<String>> textPaths(Map<String, Object> type, List<String> path, Set<String> seen) {
        Map<String, Object> bare = unwrapNonNull(type);
        List<List<String>> paths = new ArrayList<>();
        switch (kind(bare)) {
            case "LIST" -> paths.addAll(textPaths(ofType(bare), append(path, "[0]"), seen));
            case "INPUT_OBJECT" -> {
                String typeName = (String) bare.get("name");
                if (seen.contains(typeName)) {
                    return paths;
                }
                for (Map<String, Object> inputField : fields(types.get(typeName), "inputFields")) {
                    paths.addAll(textPaths(typeOf(inputField), append(path, (String) inputField.get("name")), union(seen, typeName)));
                }
            }
            case "SCALAR" -> {
                if (Set.of("String", "ID").contains((String) bare.get("name"))) {
                    paths.add(path);
                }
            }
            default -> {
            }
        }
        return paths;
    }

    /** The least value the type accepts, with NUL text at the rest of the target path (null: no target inside). */
    private Object value(Map<String, Object> type, List<String> target) {
        Map<String, Object> bare = unwrapNonNull(type);
        return switch (kind(bare)) {
            case "LIST" -> List.of(value(ofType(bare), target == null ? null : target.subList(1, target.size())));
            case "INPUT_OBJECT" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Map<String, Object> inputField : fields(types.get((String) bare.get("name")), "inputFields")) {
                    String fieldName = (String) inputField.get("name");
                    boolean isTarget = target != null && fieldName.equals(target.get(0));
                    if (isTarget || nonNull(typeOf(inputField))) {
                        object.put(fieldName, value(typeOf(inputField), isTarget ? target.subList(1, target.size()) : null));
                    }
                }
                yield object;
            }
            case "ENUM" -> fields(types.get((String) bare.get("name")), "enumValues").get(0).get("name");
            default -> target != null ? NUL_TEXT : switch ((String) bare.get("name")) {
                case "Int" -> 1;
                case "Boolean" -> false;
                case "Date" -> "2026-01-05";
                case "ID" -> "1";
                default -> "1";
            };
        };
    }

    private static String pathText(List<String> path) {
        StringBuilder text = new StringBuilder(path.get(0));
        for (String step : path.subList(1, path.size())) {
            text.append(step.startsWith("[") ? "" : ".").append(step);
        }
        return text.toString();
    }

    private static String typeName(Map<String, Object> type) {
        return switch (kind(type)) {
            case "NON_NULL" -> typeName(ofType(type)) + "!";
            case "LIST" -> "[" + typeName(ofType(type)) + "]";
            default -> (String) type.get("name");
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fields(Map<String, Object> owner, String key) {
        Object list = owner.get(key);
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typeOf(Map<String, Object> field) {
        return (Map<String, Object>) field.get("type");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ofType(Map<String, Object> type) {
        return (Map<String, Object>) type.get("ofType");
    }

    private static String kind(Map<String, Object> type) {
        return (String) type.get("kind");
    }

    private static boolean nonNull(Map<String, Object> type) {
        return "NON_NULL".equals(kind(type));
    }

    private static Map<String, Object> unwrapNonNull(Map<String, Object> type) {
        return nonNull(type) ? ofType(type) : type;
    }

    private static Map<String, Object> bare(Map<String, Object> type) {
        Map<String, Object> bare = type;
        while (bare.get("ofType") != null) {
            bare = ofType(bare);
        }
        return bare;
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static Set<String> union(Set<String> set, String element) {
        Set<String> bigger = new java.util.HashSet<>(set);
        bigger.add(element);
        return bigger;
    }
}
