package cn.fapiao.common.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where our additions plug into SmallRye GraphQL: the root-field strategy, the query limits, the
 * field visibility, what a failed field answers ({@link FieldFailureHandler}) and how number
 * variables are coerced ({@link StrictNumbers}) and money ({@link MoneyScalar}). Registered
 * through {@code META-INF/services}: SmallRye loads eventing services with the ServiceLoader, so
 * this is not a CDI bean and looks the beans up when called.
 *
 * <p>This replaces SmallRye's CDI events ({@code quarkus.smallrye-graphql.events.enabled}): with
 * those on, SmallRye fires a CDI event before and after every field of every request, and ArC
 * resolves the observers each time (4% of the CPU of a simple lookup in the benchmark). This
 * service implements only the hooks we use; the per-field ones stay SmallRye's empty defaults.
 */
public class GraphQLExtensions implements EventingService {

    /** The last schema SmallRye handed over (one per start of Quarkus) and ours made from it; guarded by the class. */
    private static GraphQLSchema madeFrom;
    private static GraphQLSchema made;

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        FieldFailureHandler failures = new FieldFailureHandler(Arc.container().instance(FieldFailures.class).get());
        GraphQL.Builder serial = Arc.container().instance(SerialRootFields.class).get().install(builder, failures)
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(failures))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(failures));
        // A configured visibility (a block list, "no-introspection") is left as SmallRye built it.
        boolean defaultVisibility = "default".equals(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.field-visibility", String.class).orElse("default"));
        GraphQL.Builder ours = serial.schema(ourSchema(serial.build().getGraphQLSchema(), defaultVisibility));
        return Arc.container().instance(QueryLimits.class).get().install(ours);
    }

    /**
     * SmallRye's schema as we serve it, made once per schema SmallRye hands over. SmallRye builds
     * graphql-java lazily, on the first request, without a lock, so the first requests of a new
     * replica build it several times at once. graphql-java's schema transformer shares the parts a
     * transformation leaves alone and fixes up their type references in place, so two
     * transformations of one schema at the same time crossed their types: a replica could start
     * with a schema in which {@code invoices(filter: InvoiceFilter)} refused every variable of type
     * {@code InvoiceFilter} ("used in position expecting type 'InvoiceFilter'"), for as long as it
     * ran (FirstRequestsIT). Made once, every build gets the same, consistent schema.
     */
    static GraphQLSchema ourSchema(GraphQLSchema smallRyes, boolean defaultVisibility) {
        synchronized (GraphQLExtensions.class) {
            if (madeFrom != smallRyes) {
                GraphQLSchema visible = defaultVisibility ? withoutFieldBlocking(smallRyes) : smallRyes;
                made = MoneyScalar.install(StrictNumbers.install(visible));
                madeFrom = smallRyes;
            }
            return made;
        }
    }

    /**
     * Gives the schema graphql-java's plain field visibility. SmallRye turns its default setting
     * ({@code quarkus.smallrye-graphql.field-visibility=default}) into a block list with the
     * pattern "default", so every field lookup of every request ran a regular expression (4% of
     * the CPU of a simple lookup in the benchmark), and a field named "default" would have been
     * hidden. We block no fields; introspection is switched off by {@link IntrospectionSwitch}.
     */
    static GraphQLSchema withoutFieldBlocking(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry()
                .transform(code -> code.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY));
        return schema.transformWithoutTypes(s -> s.codeRegistry(registry));
    }
}
