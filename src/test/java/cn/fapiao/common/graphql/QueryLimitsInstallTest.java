package cn.fapiao.common.graphql;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.QueryCache;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SmallRye reads its parsed-document cache on every request (to learn the operation type), and
 * fills it from its instrumentation. Installing the limits must keep that very cache in place;
 * an earlier version replaced it, so every request was parsed a second time.
 */
class QueryLimitsInstallTest {

    private static final GraphQLConfig CONFIG = new GraphQLConfig() {
        public int maxDepth() { return 12; }
        public int maxComplexity() { return 500; }
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
        List<Instrumentation> chain = ((ChainedInstrumentation) graphQL.getInstrumentation()).getInstrumentations();
        assertEquals(3, chain.size());
        assertTrue(chain.get(0) instanceof QueryLimits.ComplexityLimit);
        assertTrue(chain.get(1) instanceof QueryLimits.DepthLimit);
        assertTrue(((ChainedInstrumentation) chain.get(2)).getInstrumentations().contains(smallRyes));
    }

    private static GraphQLSchema schema() {
        return GraphQLSchema.newSchema().query(GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("ping").type(Scalars.GraphQLString))).build();
    }
}
