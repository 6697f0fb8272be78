package cn.fapiao.common.graphql;

import cn.fapiao.common.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.validation.ValidationError;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.execution.QueryCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses expensive documents with a stable {@code extensions.code} (QUERY_TOO_DEEP,
 * QUERY_TOO_COMPLEX) before anything is resolved, and codes the errors of documents that do not
 * parse or validate ({@link DocumentErrors}). Installed by {@link GraphQLExtensions}.
 *
 * <p>It is the only instrumentation graphql-java runs, on purpose. graphql-java calls the
 * instrumentation for every field of every response; a chain of several (SmallRye's document
 * cache, a depth limit, a complexity limit) allocated per field and cost 8% of the CPU of a page
 * of 50 invoices in the benchmark, although none of them acts on fields. So the limits are checked
 * here once per operation, and SmallRye's parsed-document cache, which must keep seeing
 * validations to fill itself, is called from here. That cache stays the very same instance:
 * SmallRye's request handling reads it for every request, and an earlier version that replaced
 * it parsed every request twice.
 *
 * <p>Measuring a document walks all of it twice (depth, then complexity): 8% of the CPU of an
 * invoice lookup and a fifth of its garbage. Clients send the same few documents over and over,
 * and SmallRye's cache hands back the same parsed {@link Document} for the same text, so the
 * measure is remembered per parsed document and operation. A document with directives is measured
 * every time: {@code @skip} and {@code @include} make its size depend on the variables.
 */
@ApplicationScoped
@Unremovable // looked up by GraphQLExtensions
public class QueryLimits {

    private final GraphQLConfig config;

    public QueryLimits(GraphQLConfig config) {
        this.config = config;
    }

    public GraphQL.Builder install(GraphQL.Builder builder) {
        GraphQL asBuilt = builder.build();
        if (!(asBuilt.getPreparsedDocumentProvider() instanceof QueryCache documents)
                || !(asBuilt.getInstrumentation() instanceof ChainedInstrumentation chain)
                || !chain.getInstrumentations().equals(List.of(documents))) {
            // A SmallRye upgrade changed what it installs: check what it added before adapting this.
            throw new IllegalStateException("Unexpected SmallRye GraphQL instrumentation: " + asBuilt.getInstrumentation());
        }
        return builder.instrumentation(new Limits(config.maxDepth(), config.maxComplexity(), documents));
    }

    static final class Limits extends SimplePerformantInstrumentation {

        private final int maxDepth;
        private final int maxComplexity;
        private final Instrumentation documents;
        /**
         * Per parsed document (weakly held, compared by identity: it lives as long as SmallRye's
         * document cache keeps it), the size of each of its operations; empty: measured per request.
         */
        private final Cache<Document, Map<String, Optional<Size>>> sizes = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

        Limits(int maxDepth, int maxComplexity, Instrumentation documents) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.documents = documents;
        }

        Instrumentation documents() {
            return documents;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters, InstrumentationState state) {
            return documents.beginValidation(parameters, state);
        }

        /** Codes for the errors of documents that did not run (see {@link DocumentErrors}): here, to stay the one instrumentation. */
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                           InstrumentationState state) {
            return CompletableFuture.completedFuture(DocumentErrors.coded(result, parameters.getQuery()));
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            Size size = sizeOf(execution);
            if (size.depth() > maxDepth) {
                throw refusal(ErrorCode.QUERY_TOO_DEEP, "The query is nested " + size.depth() + " levels deep; at most " + maxDepth + " are allowed.");
            }
            if (size.complexity() > maxComplexity) {
                throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The query selects " + size.complexity() + " fields (aliases count separately); at most "
                        + maxComplexity + " are allowed. Split it into several requests.");
            }
            return super.beginExecuteOperation(parameters, state);
        }

        private Size sizeOf(ExecutionContext execution) {
            Document document = execution.getDocument();
            String operationName = Objects.requireNonNullElse(execution.getExecutionInput().getOperationName(), "");
            Optional<Size> remembered = sizes.get(document, key -> new ConcurrentHashMap<>())
                    .computeIfAbsent(operationName, key -> hasDirectives(document) ? Optional.empty() : Optional.of(measure(execution)));
            return remembered.isPresent() ? remembered.get() : measure(execution);
        }

        private static Size measure(ExecutionContext execution) {
            int depth = QueryTraverser.newQueryTraverser()
                    .schema(execution.getGraphQLSchema())
                    .document(execution.getDocument())
                    .operationName(execution.getExecutionInput().getOperationName())
                    .coercedVariables(execution.getCoercedVariables())
                    .build()
                    .reducePreOrder((field, deepest) -> Math.max(depthOf(field), deepest), 0);
            int complexity = QueryComplexityCalculator.newCalculator()
                    .fieldComplexityCalculator((field, childComplexity) -> 1 + childComplexity)
                    .schema(execution.getGraphQLSchema())
                    .document(execution.getDocument())
                    .operationName(execution.getExecutionInput().getOperationName())
                    .variables(execution.getCoercedVariables())
                    .build()
                    .calculate();
            return new Size(depth, complexity);
        }

        private static boolean hasDirectives(Node<?> node) {
            if (node instanceof Directive) {
                return true;
            }
            for (Node<?> child : node.getChildren()) {
                if (hasDirectives(child)) {
                    return true;
                }
            }
            return false;
        }

        private static int depthOf(QueryVisitorFieldEnvironment field) {
            int depth = 1;
            for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                depth++;
            }
            return depth;
        }
    }

    private record Size(int depth, int complexity) {
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }
}
