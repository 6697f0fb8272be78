package cn.fapiao.common.http;

import cn.fapiao.common.graphql.GraphQLConfig;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import io.smallrye.graphql.execution.SchemaPrinter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Serves the schema document ({@code /graphql/schema.graphql}) when introspection is allowed
 * ({@code fapiao.graphql.introspection}, read at run time). SmallRye decides at build time
 * ({@code quarkus.smallrye-graphql.schema-available}), so the production jar answered "GraphQL
 * Schema not generated" even with {@code FAPIAO_GRAPHQL_INTROSPECTION=true}; it also printed the
 * whole schema again for every request. Printed once here, with SmallRye's printer.
 */
final class SchemaDocument {

    private final boolean served;
    private volatile String printed;

    SchemaDocument(GraphQLConfig config) {
        this.served = config.introspection();
    }

    void handle(RoutingContext ctx) {
        if (!served) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.OPTIONS) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, OPTIONS").setStatusCode(204).end();
        } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(schema());
        } else {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, OPTIONS").setStatusCode(405).end();
        }
    }

    /**
     * SmallRye's printer leaves the scalars out, so the document was not valid SDL for code
     * generators, and the {@code Money} scalar's contract (strings with two decimals) was not in it.
     */
    static String scalars(GraphQLSchema schema) {
        graphql.schema.idl.SchemaPrinter printer = new graphql.schema.idl.SchemaPrinter();
        StringBuilder out = new StringBuilder();
        schema.getAllTypesAsList().stream()
                .filter(type -> type instanceof GraphQLScalarType && !ScalarInfo.isGraphqlSpecifiedScalar(type.getName()))
                .sorted(java.util.Comparator.comparing(GraphQLNamedType::getName))
                .forEach(type -> out.append(printer.print(type).strip()).append("\n\n"));
        return out.toString();
    }

    private String schema() {
        String schema = printed;
        if (schema == null) {
            GraphQLSchema graphQLSchema = CDI.current().select(GraphQLSchema.class).get();
            schema = new SchemaPrinter().print(graphQLSchema).strip() + "\n\n" + scalars(graphQLSchema);
            printed = schema;
        }
        return schema;
    }
}
