package cn.fapiao.common.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves the fields of a query one after the other instead of all at once.
 *
 * <p>Hibernate Reactive keeps one session per Vert.x request context, and a session may only
 * run one statement at a time. graphql-java's default strategy starts every root field at once,
 * so two root fields reading through Panache would share the session concurrently and fail
 * (quarkusio/quarkus#32870). In series each field opens, uses and closes its own session.
 * Lists stay fast because nested data is loaded for a whole page at once, not per item.
 * Installed by {@link GraphQLExtensions}.
 */
@ApplicationScoped
@Unremovable // looked up by GraphQLExtensions
public class SerialRootFields {

    public GraphQL.Builder install(GraphQL.Builder builder, DataFetcherExceptionHandler failures) {
        return builder.queryExecutionStrategy(new AsyncSerialExecutionStrategy(failures));
    }
}
