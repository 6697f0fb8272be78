package cn.fapiao.common.http;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs one GraphQL request through SmallRye's execution service, the same one its own handler
 * uses: the same schema, graphql-java instance, instrumentation (limits, document cache) and data
 * loaders. What it inherits from SmallRye's handler is the set-up around the execution: the CDI
 * request context, the caller's security identity, and the current Vert.x request for resolvers.
 */
final class GraphQLExecution extends SmallRyeGraphQLAbstractHandler {

    private static final String INPUT = "cn.fapiao.http.input";
    private static final String WRITER = "cn.fapiao.http.writer";
    private static final String EXCHANGE = "cn.fapiao.http.exchangeOf";

    private final InjectableContext requestContext = Arc.container().requestContext();

    GraphQLExecution() {
        super(identityAssociation(), Arc.container().instance(CurrentVertxRequest.class).get(), false);
    }

    void execute(RoutingContext ctx, JsonObject input, HttpExchange exchange, ExecutionResponseWriter writer) {
        ctx.put(INPUT, input);
        ctx.put(WRITER, writer);
        ctx.put(EXCHANGE, exchange);
        handle(ctx);
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        Map<String, Object> context = getMetaData(ctx);
        context.put(HttpExchange.KEY, ctx.get(EXCHANGE));
        getExecutionService().executeAsync(ctx.get(INPUT), context, ctx.get(WRITER));
    }

    /**
     * What SmallRye puts into graphql-java's context, without the copy of every request header it
     * makes for Apollo federation tracing, which this server does not use.
     */
    @Override
    protected Map<String, Object> getMetaData(RoutingContext ctx) {
        Map<String, Object> context = new HashMap<>(4);
        context.put("runBlocking", false);
        context.put("state", requestContext.getState());
        return context;
    }

    private static CurrentIdentityAssociation identityAssociation() {
        InstanceHandle<CurrentIdentityAssociation> association = Arc.container().instance(CurrentIdentityAssociation.class);
        return association.isAvailable() ? association.get() : null;
    }
}
