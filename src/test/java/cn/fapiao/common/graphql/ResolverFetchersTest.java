package cn.fapiao.common.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import cn.fapiao.invoice.api.PartyView;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SmallRye copies the selection set into its context before every resolver; our fetchers hide it
 * during that copy only. The resolver itself must see the real selection. And the server must
 * really run with our fetchers, for resolvers and for plain fields ({@link PropertyFieldFetchers}).
 */
@QuarkusTest
class ResolverFetchersTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void theSelectionIsHiddenWhileSmallRyePreparesItsContextAndRealOnceTheResolverRuns() {
        DataFetchingFieldSelectionSet real = selectionThatContainsEverything();
        DataFetchingEnvironment original = DataFetchingEnvironmentImpl.newDataFetchingEnvironment().selectionSet(real).build();

        DataFetchingEnvironment wrapped = new ResolverFetchers.SelectionAfterContext(original);
        assertEquals(List.of(), wrapped.getSelectionSet().getFields());
        assertFalse(wrapped.getSelectionSet().contains("lines"));

        ResolverFetchers.SelectionAfterContext.contextReady(wrapped);
        assertSame(real, wrapped.getSelectionSet());
        assertTrue(wrapped.getSelectionSet().contains("lines"));
    }

    @Test
    void theSchemaTheServerRunsResolvesWithOurFetchers() {
        // What graphql-java calls for each field: if SmallRye stopped asking our services (priority,
        // ServiceLoader registration, a changed SPI), its own fetchers would stand here instead.
        assertInstanceOf(ResolverFetchers.UniFetcher.class, fetcherOf("Query", "invoice"));
        assertInstanceOf(ResolverFetchers.DefaultFetcher.class, fetcherOf("Query", "decodeInvoiceCode"));
        assertInstanceOf(PropertyFieldFetchers.PropertyFetcher.class, fetcherOf("Invoice", "number"));
    }

    @Test
    void plainFieldsAreReadWithoutBuildingAnEnvironment() throws Exception {
        // graphql-java builds a field's environment only when a LightDataFetcher asks for it.
        Supplier<DataFetchingEnvironment> none = () -> {
            throw new AssertionError("the environment was built for a plain field");
        };
        PartyView party = new PartyView("91110000000000005X", "北京某某有限公司", null, null);
        LightDataFetcher<?> name = assertInstanceOf(LightDataFetcher.class, fetcherOf("Party", "name"));
        assertEquals("北京某某有限公司", name.get(schema.getObjectType("Party").getFieldDefinition("name"), party, none));
        LightDataFetcher<?> taxId = assertInstanceOf(LightDataFetcher.class, fetcherOf("Party", "taxId"));
        assertEquals("91110000000000005X", taxId.get(schema.getObjectType("Party").getFieldDefinition("taxId"), party, none));
        assertNull(name.get(schema.getObjectType("Party").getFieldDefinition("name"), null, none));
    }

    private DataFetcher<?> fetcherOf(String type, String field) {
        GraphQLFieldDefinition definition = schema.getObjectType(type).getFieldDefinition(field);
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field), definition);
    }

    private static DataFetchingFieldSelectionSet selectionThatContainsEverything() {
        return (DataFetchingFieldSelectionSet) Proxy.newProxyInstance(ResolverFetchersTest.class.getClassLoader(),
                new Class<?>[]{DataFetchingFieldSelectionSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "contains", "containsAnyOf", "containsAllOf" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
