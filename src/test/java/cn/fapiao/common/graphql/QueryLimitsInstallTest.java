package cn.fapiao.common.graphql;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.QueryCache;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SmallRye reads its parsed-document cache on every request (to learn the operation type), and
 * fills it from its instrumentation. Installing the limits must keep that very cache in place;
 * an earlier version replaced it, so every request was parsed a second time.
 */
class QueryLimitsInstallTest {

    private static final GraphQLConfig CONFIG = new GraphQLConfig() {
        public int maxDepth() { return 12; }
        public int maxFields() { return 500; }
        public int maxComplexity() { return 50_000; }
        public int listedInvoiceLines() { return 50; }
        public int statusHistory() { return 20; }
        public boolean introspection() { return true; }
    };

    @Test
    void smallRyesDocumentCacheStaysTheProviderAndInTheInstrumentation() {
        QueryCache smallRyes = new QueryCache();
        GraphQL.Builder asSmallRyeBuildsIt = GraphQL.newGraphQL(schema())
                .instrumentation(new ChainedInstrumentation(List.of(smallRyes)))
                .preparsedDocumentProvider(smallRyes);

        GraphQL graphQL = new QueryLimits(CONFIG).install(asSmallRyeBuildsIt).build();

        assertSame(smallRyes, graphQL.getPreparsedDocumentProvider());
        // One instrumentation, not a chain (a chain costs allocations on every field), which passes
        // validations on to SmallRye's cache so that it fills.
        QueryLimits.Limits limits = assertInstanceOf(QueryLimits.Limits.class, graphQL.getInstrumentation());
        assertSame(smallRyes, limits.documents());
    }

    @Test
    void anUnexpectedInstrumentationFromSmallRyeStopsTheStart() {
        QueryCache smallRyes = new QueryCache();
        GraphQL.Builder withSomethingMore = GraphQL.newGraphQL(schema())
                .instrumentation(new ChainedInstrumentation(List.of(smallRyes, new SimplePerformantInstrumentation())))
                .preparsedDocumentProvider(smallRyes);

        assertThrows(IllegalStateException.class, () -> new QueryLimits(CONFIG).install(withSomethingMore));
    }

    private static GraphQLSchema schema() {
        return GraphQLSchema.newSchema().query(GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("ping").type(Scalars.GraphQLString))).build();
    }
}
