package cn.fapiao.common.graphql;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.graphql.transformation.TransformException;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads a resolver's arguments as SmallRye does, but refuses one that cannot be converted as a
 * client expects any bad input to be refused: {@code VALIDATION_FAILED} naming the field.
 *
 * <p>GraphQL checks the form of scalars before a resolver runs, but a date inside an input object
 * (e.g. {@code filter.issueDateFrom: "2026-13-45"}) passes as text and fails only when SmallRye
 * builds the Java object. SmallRye then answered with the whole argument dumped as text, a Java
 * class name ("Unknown Scalar Type [cn.fapiao...InvoiceFilter]"), no code, and a second error
 * because the (non-null) field had no value. Installed by {@link ResolverFetchers}.
 *
 * <p>Before that, the arguments must keep the rules of {@link InputGuard} (no control characters,
 * no null list entries, dates in a sane range), which every resolver needs and none checks itself.
 */
final class ArgumentErrors extends ArgumentHelper {

    private final List<Argument> arguments;

    ArgumentErrors(List<Argument> arguments) {
        super(arguments);
        this.arguments = arguments;
    }

    @Override
    public List<Object> getArguments(DataFetchingEnvironment environment) throws AbstractDataFetcherException {
        return getArguments(environment, false);
    }

    @Override
    public List<Object> getArguments(DataFetchingEnvironment environment, boolean excludeSource) throws AbstractDataFetcherException {
        List<Problem> problems = InputGuard.problems(environment);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        try {
            return super.getArguments(environment, excludeSource);
        } catch (TransformException e) {
            throw refusal(environment, e);
        }
    }

    private ApiException refusal(DataFetchingEnvironment environment, TransformException failure) {
        DateTimeParseException date = cause(failure, DateTimeParseException.class);
        String failed = null; // the argument that failed, as far as can be told: the first input object
        for (Argument argument : arguments) {
            String name = argument.getName();
            if (!environment.containsArgument(name)) {
                continue;
            }
            Object value = environment.getArgument(name);
            if (date != null) {
                String path = pathOf(value, date.getParsedString(), name);
                if (path != null) {
                    return ApiException.validation(List.of(new Problem(path, "INVALID_FORMAT",
                            "`" + path + "` must be a date as YYYY-MM-DD, got '" + date.getParsedString() + "'.")));
                }
            }
            if (failed == null || (value instanceof Map && !(environment.getArgument(failed) instanceof Map))) {
                failed = name;
            }
        }
        String field = failed == null ? "arguments" : failed;
        return ApiException.validation(List.of(new Problem(field, "INVALID_FORMAT",
                "`" + field + "` could not be read: a value in it does not have the form its field needs.")));
    }

    /**
     * Where in an argument's (or a variable's) value the text stands, as {@code filter.issueDateFrom},
     * {@code input.lines[1].date} or {@code input.groupBy[1]}; null when it is not there.
     */
    static String pathOf(Object value, String text, String path) {
        if (text.equals(value)) {
            return path;
        }
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                String found = pathOf(field.getValue(), text, path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                String found = pathOf(items.get(i), text, path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <E extends Throwable> E cause(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
