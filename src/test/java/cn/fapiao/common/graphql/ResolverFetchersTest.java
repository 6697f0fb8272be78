package cn.fapiao.common.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSet;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDataFetcherService;
import io.smallrye.graphql.spi.DataFetcherService;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SmallRye copies the selection set into its context before every resolver; our fetchers hide it
 * during that copy only. The resolver itself must see the real selection.
 */
class ResolverFetchersTest {

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
    void smallRyeAsksOurFetchersBeforeQuarkussOwn() {
        // SmallRye takes the first fetcher offered, asking services in ascending priority.
        List<DataFetcherService> services = ServiceLoader.load(DataFetcherService.class).stream().map(ServiceLoader.Provider::get).toList();
        DataFetcherService ours = services.stream().filter(ResolverFetchers.class::isInstance).findFirst().orElseThrow();
        DataFetcherService quarkus = services.stream().filter(QuarkusDataFetcherService.class::isInstance).findFirst().orElseThrow();
        assertTrue(ours.getPriority() < quarkus.getPriority());
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
