package cn.fapiao.common.graphql;

import graphql.introspection.Introspection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Turns GraphQL introspection off when configured ({@code fapiao.graphql.introspection=false},
 * the production default): graphql-java then refuses {@code __schema} and {@code __type} once
 * per operation. This replaces SmallRye's "no-introspection" field visibility, which wraps the
 * lookup of every field of every request and cost ~3% of the CPU of a simple query in the benchmark.
 */
@ApplicationScoped
public class IntrospectionSwitch {

    private final GraphQLConfig config;

    public IntrospectionSwitch(GraphQLConfig config) {
        this.config = config;
    }

    void apply(@Observes StartupEvent start) {
        Introspection.enabledJvmWide(config.introspection());
    }
}
