package cn.fapiao.common.graphql;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.DataFetcherException;
import io.smallrye.graphql.execution.error.ExceptionHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a failed field into what the client sees. A refusal ({@link ApiException}) keeps its code,
 * message and field. Anything else is a fault of ours: SmallRye GraphQL answers it with "System
 * error" but puts a code made from the exception's class name into {@code extensions.code}
 * ({@code decryption}, {@code null-pointer}, ...), which is neither one of our stable codes nor
 * anything a client should learn. Such a failure is answered as {@code INTERNAL_ERROR}, after
 * {@link FieldFailures} has counted and logged the real one. Every field failure, of a resolver or
 * of a plain field, passes here; the answer itself is still built by SmallRye's handler. Installed
 * by {@link GraphQLExtensions} for queries, mutations and subscriptions.
 */
final class FieldFailureHandler implements DataFetcherExceptionHandler {

    /** SmallRye's own default message for a failure it does not show. */
    static final String SYSTEM_ERROR = "System error";

    private final DataFetcherExceptionHandler smallRye = new ExceptionHandler();
    private final FieldFailures failures;

    FieldFailureHandler(FieldFailures failures) {
        this.failures = failures;
    }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = unwrap(parameters.getException());
        DataFetchingEnvironment environment = parameters.getDataFetchingEnvironment();
        OperationDefinition operation = environment.getOperationDefinition();
        failures.record(operation == null ? null : operation.getName(), String.valueOf(environment.getExecutionId()), failure);
        if (failure instanceof ApiException) {
            return smallRye.handleException(parameters);
        }
        return smallRye.handleException(DataFetcherExceptionHandlerParameters.newExceptionParameters()
                .dataFetchingEnvironment(environment)
                .exception(new ApiException(ErrorCode.INTERNAL_ERROR, SYSTEM_ERROR))
                .build());
    }

    /** The failure itself, out of the wrappers the asynchronous resolvers put around it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable unwrapped = failure;
        while ((unwrapped instanceof CompletionException || unwrapped instanceof DataFetcherException) && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        return unwrapped;
    }
}
