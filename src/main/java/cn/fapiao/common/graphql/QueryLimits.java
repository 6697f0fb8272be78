package cn.fapiao.common.graphql;

import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.cache.LocalCaches;
import cn.fapiao.common.http.HttpExchange;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
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
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;
import graphql.validation.ValidationError;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.execution.QueryCache;
import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses expensive documents with a stable {@code extensions.code} (QUERY_TOO_DEEP,
 * QUERY_TOO_COMPLEX) before anything is resolved, and codes the errors of documents that do not
 * parse or validate ({@link DocumentErrors}). It also tells the HTTP layer which operation runs
 * ({@link HttpExchange}: a mutation sent with GET is refused here). Installed by {@link GraphQLExtensions}.
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
 * <p>What is measured, and why answers count their lists' sizes, is {@link QueryCost}. Measuring
 * every request (then with two walks of the document) cost 8% of the CPU of an invoice lookup and a
 * fifth of its garbage in the benchmark.
 * Clients send the same few documents over and over, and SmallRye's cache hands back the same
 * parsed {@link Document} for the same text, so the measure is remembered per parsed document,
 * operation and value of the variables that give page sizes ({@code first: $first}). A document
 * with directives is measured every time: {@code @skip} and {@code @include} make its size depend
 * on any variable.
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
        return builder.instrumentation(new Limits(config, documents));
    }

    static final class Limits extends SimplePerformantInstrumentation {

        /** Sizes remembered per operation and page-size variables of one parsed document, at most. */
        private static final int REMEMBERED_PER_DOCUMENT = 256;

        private final int maxDepth;
        private final int maxFields;
        private final int maxComplexity;
        private final QueryCost cost;
        private final Instrumentation documents;
        /**
         * Per parsed document (weakly held, compared by identity: it lives as long as SmallRye's
         * document cache keeps it), what its size depends on and the sizes measured so far.
         */
        private final Cache<Document, Shape> shapes = LocalCaches.builder().weakKeys().maximumSize(1_000).build();

        Limits(GraphQLConfig config, Instrumentation documents) {
            this.maxDepth = config.maxDepth();
            this.maxFields = config.maxFields();
            this.maxComplexity = config.maxComplexity();
            this.cost = new QueryCost(config.listedInvoiceLines(), config.statusHistory());
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
            return CompletableFuture.completedFuture(DocumentErrors.coded(result, parameters.getQuery(), parameters.getVariables()));
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            HttpExchange.beforeOperation(execution);
            QueryCost.Size size = sizeOf(execution);
            if (size.depth() > maxDepth) {
                throw refusal(ErrorCode.QUERY_TOO_DEEP, "The query is nested " + size.depth() + " levels deep; at most " + maxDepth + " are allowed.");
            }
            if (size.fields() > maxFields) {
                throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The query selects " + size.fields() + " fields (aliases count separately); at most "
                        + maxFields + " are allowed. Split it into several requests.");
            }
            if (size.complexity() > maxComplexity) {
                throw refusal(ErrorCode.QUERY_TOO_COMPLEX, "The answer to this query could hold " + size.complexity()
                        + " values (a list counts its page size, `first` or `last`, or its bound, times what each item selects); at most "
                        + maxComplexity + " are allowed. Ask for smaller pages or fewer fields, or split it into several requests.");
            }
            return super.beginExecuteOperation(parameters, state);
        }

        private QueryCost.Size sizeOf(ExecutionContext execution) {
            Shape shape = shapes.get(execution.getDocument(), Shape::of);
            if (shape.directives()) {
                return cost.measure(execution);
            }
            List<Object> key = new ArrayList<>(1 + shape.pageVariables().size());
            key.add(Objects.requireNonNullElse(execution.getExecutionInput().getOperationName(), ""));
            Map<String, Object> variables = execution.getCoercedVariables().toMap();
            for (String name : shape.pageVariables()) {
                key.add(variables.get(name));
            }
            QueryCost.Size known = shape.sizes().get(key);
            if (known != null) {
                return known;
            }
            QueryCost.Size measured = cost.measure(execution);
            if (shape.sizes().size() < REMEMBERED_PER_DOCUMENT) {
                shape.sizes().put(key, measured);
            }
            return measured;
        }
    }

    /**
     * What the size of a parsed document depends on besides its text: with {@code @skip} or
     * {@code @include} anything may change with the variables, so it is measured every time;
     * otherwise only the variables given as page sizes ({@code first}/{@code last}) change it.
     */
    private record Shape(boolean directives, List<String> pageVariables, Map<List<Object>, QueryCost.Size> sizes) {

        static Shape of(Document document) {
            List<String> pageVariables = new ArrayList<>();
            boolean directives = walk(document, pageVariables);
            return new Shape(directives, List.copyOf(pageVariables), new ConcurrentHashMap<>());
        }

        /** Collects page-size variables below the node; true when it meets a directive. */
        private static boolean walk(Node<?> node, List<String> pageVariables) {
            if (node instanceof Directive) {
                return true;
            }
            if (node instanceof Argument argument && (argument.getName().equals("first") || argument.getName().equals("last"))
                    && argument.getValue() instanceof VariableReference variable && !pageVariables.contains(variable.getName())) {
                pageVariables.add(variable.getName());
            }
            boolean directives = false;
            for (Node<?> child : node.getChildren()) {
                directives |= walk(child, pageVariables);
            }
            return directives;
        }
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }
}
