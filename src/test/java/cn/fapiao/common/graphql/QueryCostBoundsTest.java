package cn.fapiao.common.graphql;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query limits count every list with its size. A new list field that is neither paged
 * ({@code first}/{@code last}, or the edges of a connection) nor given a bound in
 * {@link QueryCost} would count as one item whatever it answers: this fails until it is given one.
 */
class QueryCostBoundsTest {

    @Test
    void everyListOfThePublishedSchemaIsPagedOrBounded() throws IOException {
        TypeDefinitionRegistry schema = new SchemaParser().parse(Files.readString(Path.of("schema/schema.graphql")));
        List<String> unbounded = new ArrayList<>();
        Set<String> lists = new HashSet<>();
        for (ObjectTypeDefinition type : schema.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (!(unwrapNonNull(field.getType()) instanceof ListType)) {
                    continue;
                }
                String name = type.getName() + "." + field.getName();
                lists.add(name);
                boolean paged = field.getInputValueDefinitions().stream().anyMatch(argument -> argument.getName().equals("first") || argument.getName().equals("last"))
                        || type.getName().endsWith("Connection") && field.getName().equals("edges");
                if (!paged && !QueryCost.CAPPED.contains(name) && !QueryCost.BOUNDS.containsKey(name)) {
                    unbounded.add(name);
                }
            }
        }
        assertEquals(List.of(), unbounded, "list fields without a bound in QueryCost.BOUNDS");
        List<String> stale = QueryCost.BOUNDS.keySet().stream().filter(name -> !lists.contains(name)).sorted().toList();
        assertEquals(List.of(), stale, "bounds of list fields the schema no longer has");
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
        return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }
}
