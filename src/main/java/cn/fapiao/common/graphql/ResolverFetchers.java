package cn.fapiao.common.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusUniDataFetcher;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;

import java.util.List;
import java.util.Map;

/**
 * Quarkus's fetchers for our resolvers (the methods behind queries, mutations and {@code @Source}
 * fields), without SmallRye's eager copy of the selection set.
 *
 * <p>Before it calls a resolver, SmallRye fills its request {@link Context} with the selected
 * fields as JSON, twice (with and without source fields). That makes graphql-java build the
 * normalized form of the whole operation and walk the resolver's entire sub-selection: 13% of the
 * CPU and almost half of the garbage of an invoice lookup in the benchmark, for JSON nothing here
 * reads. So while SmallRye prepares its context, the resolver's environment reports an empty
 * selection set; from the moment the resolver is invoked, it reports the real one.
 *
 * <p>The consequence, on purpose: {@code Context.getSelectedFields()} and
 * {@code getSelectedAndSourceFields()} are empty in this server. A resolver that needs to know what
 * was selected asks the {@link DataFetchingEnvironment} ({@code Context.unwrap}), or better the
 * document itself, as {@link Selections} does. Everything else (argument conversion, security
 * interceptors, blocking or not, errors, result transformation) is Quarkus's and SmallRye's own
 * code, inherited, except that an argument that cannot be converted is refused as bad input
 * ({@link ArgumentErrors}). Registered through {@code META-INF/services}; SmallRye asks services
 * in order of priority, ours (0) before Quarkus's (1).
 */
public class ResolverFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableBatchableDataFetcher getUniDataFetcher(Operation operation, Type type) {
        return new UniFetcher<>(operation, type);
    }

    @Override
    public PlugableBatchableDataFetcher getDefaultDataFetcher(Operation operation, Type type) {
        return new DefaultFetcher<>(operation, type);
    }

    static final class UniFetcher<K, T> extends QuarkusUniDataFetcher<K, T> {

        UniFetcher(Operation operation, Type type) {
            super(operation, type);
            this.argumentHelper = new ArgumentErrors(operation.getArguments());
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return super.get(new SelectionAfterContext(environment));
        }

        @Override
        protected <O> O invokeAndTransform(Context context, DataFetchingEnvironment environment,
                                           DataFetcherResult.Builder<Object> result, Object[] arguments) throws Exception {
            SelectionAfterContext.contextReady(environment);
            return super.invokeAndTransform(context, environment, result, arguments);
        }
    }

    static final class DefaultFetcher<K, T> extends QuarkusDefaultDataFetcher<K, T> {

        DefaultFetcher(Operation operation, Type type) {
            super(operation, type);
            this.argumentHelper = new ArgumentErrors(operation.getArguments());
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return super.get(new SelectionAfterContext(environment));
        }

        @Override
        public <O> O invokeAndTransform(Context context, DataFetchingEnvironment environment,
                                        DataFetcherResult.Builder<Object> result, Object[] arguments) throws Exception {
            SelectionAfterContext.contextReady(environment);
            return super.invokeAndTransform(context, environment, result, arguments);
        }
    }

    /** The resolver's environment: an empty selection set until SmallRye's context is ready, the real one after. */
    static final class SelectionAfterContext extends DelegatingDataFetchingEnvironment {

        private volatile boolean contextReady;

        SelectionAfterContext(DataFetchingEnvironment environment) {
            super(environment);
        }

        static void contextReady(DataFetchingEnvironment environment) {
            if (environment instanceof SelectionAfterContext wrapped) {
                wrapped.contextReady = true;
            }
        }

        @Override
        public DataFetchingFieldSelectionSet getSelectionSet() {
            return contextReady ? super.getSelectionSet() : NOTHING_YET;
        }
    }

    private static final DataFetchingFieldSelectionSet NOTHING_YET = new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
            return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
            return false;
        }

        @Override
        public List<SelectedField> getFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
            return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
            return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
            return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(String fieldGlobPattern, String... fieldGlobPatterns) {
            return Map.of();
        }
    };
}
