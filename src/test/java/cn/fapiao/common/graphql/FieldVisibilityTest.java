package cn.fapiao.common.graphql;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.StaticDataFetcher;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * SmallRye builds a block list from its default field-visibility setting ("default"): a regular
 * expression per field lookup, and a field named "default" hidden. Our schema blocks nothing.
 */
class FieldVisibilityTest {

    @Test
    void theBlockListSmallRyeBuildsIsReplacedByPlainVisibility() {
        GraphQLSchema asSmallRyeBuildsIt = schema(BlockedFields.newBlock().addPattern("default").build());
        GraphQL graphQL = GraphQL.newGraphQL(GraphQLExtensions.withoutFieldBlocking(asSmallRyeBuildsIt)).build();

        assertSame(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY, graphQL.getGraphQLSchema().getCodeRegistry().getFieldVisibility());
        Map<String, Object> data = graphQL.execute("{ default }").getData();
        assertEquals(Map.of("default", "visible"), data);
    }

    private static GraphQLSchema schema(BlockedFields visibility) {
        GraphQLCodeRegistry registry = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "default"), new StaticDataFetcher("visible"))
                .fieldVisibility(visibility).build();
        return GraphQLSchema.newSchema().codeRegistry(registry).query(GraphQLObjectType.newObject().name("Query")
                .field(GraphQLFieldDefinition.newFieldDefinition().name("default").type(Scalars.GraphQLString))).build();
    }
}
