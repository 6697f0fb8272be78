package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP layer and the execution of one request tell each other, carried in graphql-java's
 * context: whether the request came as a GET, and, once the operation is known, whether its answer
 * is a public reference that HTTP caches may keep.
 *
 * <p>The operation is only known after the document is parsed (from SmallRye's document cache), so
 * {@link #beforeOperation} runs from our one instrumentation ({@code QueryLimits}) once per
 * operation: there a mutation sent with GET is refused before anything runs.
 */
public final class HttpExchange {

    /** The key in graphql-java's context. */
    static final String KEY = "cn.fapiao.http.exchange";

    /**
     * Root fields whose answer depends only on their arguments, the same for every caller, logged
     * in or not: the reference helpers (code and tax-ID checks; {@code AuthorisationMatrixTest}
     * holds each open to everyone). Nothing else is ever marked cacheable.
     */
    static final Set<String> PUBLIC_REFERENCE = Set.of("amountInWords", "decodeInvoiceCode", "decodeInvoiceNumber", "validateTaxId");

    private final boolean get;
    private volatile boolean publicReference;

    HttpExchange(boolean get) {
        this.get = get;
    }

    boolean publicReference() {
        return publicReference;
    }

    /** Called by our instrumentation when the operation to run is known, before it runs. */
    public static void beforeOperation(ExecutionContext execution) {
        HttpExchange exchange = execution.getGraphQLContext().get(KEY);
        if (exchange == null) {
            return; // not an HTTP request of ours (a subscription over WebSocket)
        }
        OperationDefinition operation = execution.getOperationDefinition();
        boolean query = operation.getOperation() == OperationDefinition.Operation.QUERY;
        if (exchange.get && !query) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("A " + operation.getOperation().name().toLowerCase() + " cannot be sent with GET: GET never changes anything. Send it with POST.")
                    .extensions(Map.of("code", ErrorCode.METHOD_NOT_ALLOWED.name()))
                    .build()));
        }
        exchange.publicReference = query && onlyPublicReference(operation.getSelectionSet().getSelections());
    }

    private static boolean onlyPublicReference(List<Selection> selections) {
        for (Selection<?> selection : selections) {
            if (!(selection instanceof Field field) || !PUBLIC_REFERENCE.contains(field.getName()) || !field.getDirectives().isEmpty()) {
                return false;
            }
        }
        return !selections.isEmpty();
    }
}
