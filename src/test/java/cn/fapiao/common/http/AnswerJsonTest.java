package cn.fapiao.common.http;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our writer ({@link AnswerJson}) replaces SmallRye's JSON-P answer: for every kind of value
 * graphql-java completes fields with, and for errors with extensions, it must write what SmallRye
 * wrote (same JSON, same key order).
 */
class AnswerJsonTest {

    @Test
    void writesWhatSmallRyeWrote() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("amount", new BigDecimal("1409.50"));
        line.put("quantity", new BigDecimal("1E+3"));
        line.put("lineNo", 1);
        line.put("big", 12345678901L);
        line.put("huge", new BigInteger("123456789012345678901234567890"));
        line.put("rate", 0.13d);
        line.put("ratio", 0.1f);
        line.put("ok", true);
        line.put("status", ErrorType.DataFetchingException);
        line.put("text", "发票 \"quoted\" \\ back\nline\u0001 </script>");
        line.put("nothing", null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoice", Map.of("lines", List.of(line, line)));
        data.put("empty", new ArrayList<>());
        data.put("nulls", Arrays.asList(null, "x"));

        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data)
                .addError(GraphqlErrorBuilder.newError().message("Refused: \"x\"").path(ResultPath.parse("/invoice/lines/1"))
                        .errorType(ErrorType.DataFetchingException)
                        .extensions(Map.of("code", "VALIDATION_FAILED", "field", "input.lines[1]")).build())
                .build();

        String ours = AnswerJson.write(result).toString(StandardCharsets.UTF_8);
        String smallRyes = new ExecutionResponse(result).getExecutionResultAsString();
        assertEquals(new JsonObject(smallRyes), new JsonObject(ours));
        assertEquals(List.copyOf(new JsonObject(smallRyes).fieldNames()), List.copyOf(new JsonObject(ours).fieldNames()));
        assertEquals(smallRyes, ours, "byte for byte");
    }

    @Test
    void anAnswerWithoutDataHasNoDataEntry() {
        ExecutionResult refused = GraphQLAnswer.refusal(cn.fapiao.common.ErrorCode.BAD_REQUEST, "variables", "no");
        JsonObject written = new JsonObject(AnswerJson.write(refused).toString(StandardCharsets.UTF_8));
        assertEquals(false, written.containsKey("data"));
        assertEquals("BAD_REQUEST", written.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"));
        assertEquals("variables", written.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("field"));
    }
}
