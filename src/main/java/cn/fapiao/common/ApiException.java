package cn.fapiao.common;

import cn.fapiao.domain.Problem;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.smallrye.graphql.JsonProviderHolder;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way an operation refuses a request: a message meant for the client, a stable
 * {@link ErrorCode} (it takes no other code, so one outside the catalogue does not compile) and the
 * field concerned. SmallRye GraphQL copies {@link #getExtensions()} into {@code errors[].extensions};
 * the message is shown because this class is listed in
 * {@code quarkus.smallrye-graphql.show-runtime-exception-message}. Any other exception reaches the
 * client only as a generic server error.
 */
public class ApiException extends RuntimeException implements GraphQLError {

    private static final JsonProvider JSON = JsonProviderHolder.JSON_PROVIDER;

    private final ErrorCode code;
    private final String field;
    private final List<Problem> problems;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null, List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String field, String message) {
        this(code, message, field, List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String message, String field, List<Problem> problems, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.problems = List.copyOf(problems);
        this.details = Map.copyOf(details);
    }

    /** A refusal listing every problem found in the input, the first one naming the field. */
    public static ApiException validation(List<Problem> problems) {
        Problem first = problems.get(0);
        String message = problems.size() == 1 ? first.message()
                : first.message() + " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")";
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, first.field(), problems, Map.of());
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** JSON values, so that SmallRye GraphQL writes numbers and lists as such rather than as strings. */
    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", JSON.createValue(code.name()));
        if (field != null) {
            extensions.put("field", JSON.createValue(field));
        }
        if (!problems.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (Problem problem : problems) {
                JsonObjectBuilder item = JSON.createObjectBuilder();
                if (problem.field() != null) {
                    item.add("field", problem.field());
                }
                list.add(item.add("code", problem.code()).add("message", problem.message()));
            }
            extensions.put("problems", list.build());
        }
        details.forEach((key, value) -> extensions.put(key, toJson(value)));
        return extensions;
    }

    private static JsonValue toJson(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return JSON.createValue(new java.math.BigDecimal(number.toString()));
        }
        return JSON.createValue(String.valueOf(value));
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return null;
    }
}
