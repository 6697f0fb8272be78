package cn.fapiao.common.graphql;

import graphql.language.NodeUtil;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the complexity of a document is, against the published schema, with the default bounds (50 listed lines, 20 changes). */
class QueryCostTest {

    private static final QueryCost COST = new QueryCost(50, 20);

    @Test
    void aListCountsWhatEachItemSelectsTimesItsPageSize() throws IOException {
        // invoices 1 + edges 25 × (1 + node 1 + number 1) = 76
        assertEquals(76, complexity("{ invoices(first: 25) { edges { node { number } } } }", Map.of()));
        assertEquals(76, complexity("query Q($n: Int) { invoices(first: $n) { edges { node { number } } } }", Map.of("n", 25)));
        assertEquals(76, complexity("query Q($n: Int) { invoices(first: $n) { ...E } } fragment E on InvoiceConnection { edges { node { number } } }",
                Map.of("n", 25)));
        // A fragment counts wherever it is spread (graphql-java's calculator counted it once for all aliases).
        assertEquals(3 * 76, complexity("query Q($n: Int) { a: invoices(first: $n) { ...E } b: invoices(first: $n) { ...E } c: invoices(first: $n) { ...E } }"
                + " fragment E on InvoiceConnection { edges { node { number } } }", Map.of("n", 25)));
        // Without first or last: the default page of 50.
        assertEquals(151, complexity("{ invoices { edges { node { number } } } }", Map.of()));
    }

    @Test
    void anInvoicesLinesCountFiftyInAListAndTwoThousandAlone() throws IOException {
        // node 1 + lines 50 × (1 + itemName 1) = 101 per edge, + edge 1: 25 × 102 + invoices 1
        assertEquals(2551, complexity("{ invoices(first: 25) { edges { node { lines { itemName } } } } }", Map.of()));
        // invoice 1 + lines 2000 × 2 + statusHistory 20 × 2
        assertEquals(4041, complexity("{ invoice(id: \"1\") { lines { itemName } statusHistory { reason } } }", Map.of()));
    }

    @Test
    void skippedFieldsDoNotCount() throws IOException {
        String query = "query Q($all: Boolean!) { invoices(first: 10) { edges { node { number lines @include(if: $all) { itemName } } } } }";
        assertEquals(1 + 10 * (1 + 1 + 1), complexity(query, Map.of("all", false)));
        assertEquals(1 + 10 * (1 + 1 + 1 + 50 * 2), complexity(query, Map.of("all", true)));
    }

    @Test
    void aFragmentBombStopsTheWalk() throws IOException {
        // Each fragment spreads the next twice: 2^40 fields. The walk stops after a million.
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 40; i++) {
            query.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        query.append(" fragment F40 on Query { __typename }");
        assertEquals(Integer.MAX_VALUE, complexity(query.toString(), Map.of()));
    }

    private static int complexity(String query, Map<String, Object> variables) throws IOException {
        // The published schema is valid SDL: it declares its scalars (Money, Date, ...) itself.
        String published = Files.readString(Path.of("schema/schema.graphql"));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(published), RuntimeWiring.MOCKED_WIRING);
        NodeUtil.GetOperationResult operation = NodeUtil.getOperation(Parser.parse(query), null);
        return COST.measure(schema, operation.operationDefinition, operation.fragmentsByName, variables).complexity();
    }
}
