package cn.fapiao.common.graphql;

import cn.fapiao.common.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.validation.ValidationError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the errors graphql-java finds in a document before anything runs a stable
 * {@code extensions.code}, as every other error of this API has: {@code GRAPHQL_VALIDATION_FAILED}
 * when the document does not fit the schema or its variables do not fit their types (an unknown
 * field, a string for an Int, a missing required variable; such a variable is named in
 * {@code extensions.field}, and a name outside an enum by its path, {@code input.groupBy[1]},
 * whether sent in the variables or written in the document), and {@code GRAPHQL_PARSE_FAILED} for text that is not a GraphQL document.
 * graphql-java classifies them, but a classification is not a code a client can switch on. (SmallRye
 * parses the text first and answers a failure itself; {@code GraphQLAnswer} codes that one.) Their
 * messages quote the values as the client wrote them ({@link ReadableMessages}). Called by
 * {@link QueryLimits} on every result.
 */
final class DocumentErrors {

    /** How graphql-java starts the message of a variable whose value does not fit its type. */
    private static final Pattern VARIABLE = Pattern.compile("Variable '([_A-Za-z][_0-9A-Za-z]*)'");
    /** How graphql-java names a value of a variable that is none of its enum's values. */
    private static final Pattern ENUM_VALUE = Pattern.compile("Invalid input for enum '[_0-9A-Za-z]+'\\. No value found for name '([^']*)'");
    /** How graphql-java names the argument (and the path inside it) whose literal does not fit its type. */
    private static final Pattern LITERAL_ARGUMENT = Pattern.compile("argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]*)' with value");
    /** How graphql-java describes an amount written in the document that {@link MoneyScalar} refused. */
    private static final Pattern MONEY_ARGUMENT = Pattern.compile("argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]*)' with value .* is not a valid '"
            + MoneyScalar.NAME + "'", Pattern.DOTALL);

    private DocumentErrors() {
    }

    /**
     * The result, its document errors coded and their messages made readable; {@code document}:
     * the text the client sent, {@code variables} its variables (to find the path to a bad value).
     */
    static ExecutionResult coded(ExecutionResult result, String document, Map<String, Object> variables) {
        List<GraphQLError> errors = result.getErrors();
        if (errors.isEmpty() || errors.stream().noneMatch(DocumentErrors::uncodedDocumentError)) {
            return result;
        }
        ReadableMessages messages = new ReadableMessages(document);
        List<GraphQLError> coded = new ArrayList<>(errors.size());
        for (GraphQLError error : errors) {
            coded.add(uncodedDocumentError(error) ? withCode(error, messages, variables) : error);
        }
        return result.transform(builder -> builder.errors(coded));
    }

    private static boolean uncodedDocumentError(GraphQLError error) {
        if (error.getErrorType() != ErrorType.ValidationError && error.getErrorType() != ErrorType.InvalidSyntax) {
            return false;
        }
        Map<String, Object> extensions = error.getExtensions();
        // A refused amount in the variables comes coded by MoneyScalar, but without the field.
        return extensions == null || !extensions.containsKey("code")
                || (ErrorCode.MONEY_MALFORMED.name().equals(String.valueOf(extensions.get("code"))) && !extensions.containsKey("field"));
    }

    private static GraphQLError withCode(GraphQLError error, ReadableMessages messages, Map<String, Object> variables) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        boolean syntax = error.getErrorType() == ErrorType.InvalidSyntax;
        Object given = error.getExtensions() == null ? null : error.getExtensions().get("code");
        extensions.put("code", given != null ? given : syntax ? ErrorCode.GRAPHQL_PARSE_FAILED : ErrorCode.GRAPHQL_VALIDATION_FAILED);
        Matcher variable = VARIABLE.matcher(String.valueOf(error.getMessage()));
        Matcher literal = LITERAL_ARGUMENT.matcher(String.valueOf(error.getMessage()));
        Matcher money = MONEY_ARGUMENT.matcher(String.valueOf(error.getMessage()));
        if (!syntax && variable.lookingAt()) {
            // A value of the variables that does not fit its type: the variable is the field to fix, or,
            // for a name outside an enum, the path to it inside the variable (input.groupBy[1]).
            String field = variable.group(1);
            Matcher name = ENUM_VALUE.matcher(String.valueOf(error.getMessage()));
            if (name.find() && variables != null) {
                String path = ArgumentErrors.pathOf(variables.get(field), name.group(1), field);
                field = path == null ? field : path;
            }
            extensions.put("field", field);
        } else if (!syntax && money.find()) {
            // An amount written in the document: the argument (or its input field) is the field to fix.
            extensions.put("code", ErrorCode.MONEY_MALFORMED);
            extensions.put("field", money.group(1));
        } else if (!syntax && literal.find()) {
            // A literal in the document that does not fit its type: graphql-java names its path in the argument.
            extensions.put("field", literal.group(1));
        }
        if (error instanceof ValidationError validation) {
            // What SmallRye shows of a validation error, kept (the description repeats the message).
            extensions.put("validationErrorType", String.valueOf(validation.getValidationErrorType()));
            extensions.put("queryPath", validation.getQueryPath());
        }
        if (error.getExtensions() != null) {
            error.getExtensions().forEach(extensions::putIfAbsent);
        }
        return GraphqlErrorBuilder.newError()
                .message(messages.rewrite(error.getMessage()))
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
