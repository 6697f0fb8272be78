package cn.fapiao.common.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Our GraphQL settings ({@code fapiao.graphql.*}): limits that stop an expensive document before
 * any field is resolved, and whether introspection is allowed. Request body size is
 * {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "fapiao.graphql")
public interface GraphQLConfig {

    /** Deepest allowed field nesting. */
    @WithDefault("12")
    int maxDepth();

    /** Most fields one operation may select, counting every alias separately: what resolving it costs. */
    @WithDefault("500")
    int maxFields();

    /**
     * Most values the answer to one operation can hold: what sending it costs. Every field counts
     * once per item of each list around it, a list with its page size ({@code first}/{@code last})
     * or its bound ({@link QueryCost}). 50,000 admits a page of 50 invoices with their lines and
     * history (19,000 for the benchmark's reconciliation page, 29,000 with every field) and one
     * invoice with all of 2,000 lines (18,000 with every line field), and refuses the ten pages of
     * 25 invoices with lines that answered 500,000 lines.
     */
    @WithDefault("50000")
    int maxComplexity();

    /**
     * Lines an invoice shows inside a list of invoices (a page, near matches), and the bound the
     * complexity counts them at; its {@code lineCount} says how many it has, a single invoice shows all.
     */
    @WithDefault("50")
    int listedInvoiceLines();

    /** Status changes an invoice shows, the newest; the bound the complexity counts them at. */
    @WithDefault("20")
    int statusHistory();

    /** Whether clients may read the schema through {@code __schema} / {@code __type}. */
    @WithDefault("true")
    boolean introspection();
}
