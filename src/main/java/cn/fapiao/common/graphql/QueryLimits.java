package cn.fapiao.common.graphql;

import cn.fapiao.common.ErrorCode;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Installs the depth and complexity limits into graphql-java, refusing with a stable
 * {@code extensions.code} (QUERY_TOO_DEEP, QUERY_TOO_COMPLEX) before anything is resolved.
 *
 * <p>graphql-java's own limit instrumentations report errors without a code, so SmallRye's
 * built-in ones stay unconfigured and these are put in front of the instrumentation SmallRye
 * built. That instrumentation holds SmallRye's parsed-document cache, which SmallRye's request
 * handling also reads for every request: it must stay the very same instance, or every request
 * is parsed again (an earlier version replaced it, and parsing showed up as 7% of the CPU of a
 * simple lookup in the benchmark). Installed by {@link GraphQLExtensions}.
 */
@ApplicationScoped
@Unremovable // looked up by GraphQLExtensions
public class QueryLimits {

    private final GraphQLConfig config;

    public QueryLimits(GraphQLConfig config) {
        this.config = config;
    }

    public GraphQL.Builder install(GraphQL.Builder builder) {
        Instrumentation smallRyes = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(
                new ComplexityLimit(config.maxComplexity()), new DepthLimit(config.maxDepth()), smallRyes)));
    }

    private static AbortExecutionException refusal(ErrorCode code, String message) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                .message(message)
                .extensions(Map.of("code", code.name()))
                .build()));
    }

    static final class DepthLimit extends MaxQueryDepthInstrumentation {
        DepthLimit(int maxDepth) {
            super(maxDepth);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return refusal(ErrorCode.QUERY_TOO_DEEP, "The query is nested " + depth + " levels deep; at most " + maxDepth + " are allowed.");
        }
    }

    static final class ComplexityLimit extends MaxQueryComplexityInstrumentation {
        ComplexityLimit(int maxComplexity) {
            super(maxComplexity);
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return refusal(ErrorCode.QUERY_TOO_COMPLEX, "The query selects " + complexity + " fields (aliases count separately); at most "
                    + maxComplexity + " are allowed. Split it into several requests.");
        }
    }
}
