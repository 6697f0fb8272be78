package cn.fapiao;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLScalarType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every type, field, argument, input field and enum value of the served schema has a description
 * (what it is, with the Chinese term where one exists): clients read the schema as the API's
 * documentation. The elements that had none when this guard came are listed in
 * {@code schema/undescribed.txt}; that list may only shrink. A new element without a description,
 * or a listed one that has gained its description, fails the test, naming it.
 */
@QuarkusTest
class SchemaDescriptionsTest {

    static final Path KNOWN_GAPS = Path.of("schema/undescribed.txt");

    @Inject
    GraphQLSchema schema;

    @Test
    void everyElementOfTheSchemaIsDescribed() throws IOException {
        Set<String> undescribed = undescribed(schema);
        if (Boolean.getBoolean("fapiao.schema.update")) {
            Files.writeString(KNOWN_GAPS, "# Elements of the schema without a description when SchemaDescriptionsTest came; this list may only shrink.\n"
                    + String.join("\n", undescribed) + "\n", StandardCharsets.UTF_8);
        }
        Set<String> known = Files.readAllLines(KNOWN_GAPS, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));

        Set<String> newGaps = new TreeSet<>(undescribed);
        newGaps.removeAll(known);
        assertTrue(newGaps.isEmpty(), () -> "These elements of the schema have no description: give each one (@Description on the"
                + " field, parameter, class or enum constant):\n  " + String.join("\n  ", newGaps));

        Set<String> closed = new TreeSet<>(known);
        closed.removeAll(undescribed);
        assertTrue(closed.isEmpty(), () -> "These elements now have a description (or are gone): remove them from " + KNOWN_GAPS
                + ":\n  " + String.join("\n  ", closed));
    }

    /** Coordinates of every undescribed element: {@code Type}, {@code Type.field}, {@code Type.field(argument:)}, {@code Enum.VALUE}. */
    static Set<String> undescribed(GraphQLSchema schema) {
        Set<String> missing = new TreeSet<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || Set.of("String", "Int", "Float", "Boolean", "ID").contains(name)) {
                continue; // GraphQL's own
            }
            if (blank(type.getDescription())) {
                missing.add(name);
            }
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (blank(field.getDescription())) {
                        missing.add(name + "." + field.getName());
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (blank(argument.getDescription())) {
                            missing.add(name + "." + field.getName() + "(" + argument.getName() + ":)");
                        }
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (blank(field.getDescription())) {
                        missing.add(name + "." + field.getName());
                    }
                }
            } else if (type instanceof GraphQLEnumType enumeration) {
                List<GraphQLEnumValueDefinition> values = enumeration.getValues();
                for (GraphQLEnumValueDefinition value : values) {
                    if (blank(value.getDescription())) {
                        missing.add(name + "." + value.getName());
                    }
                }
            } else if (type instanceof GraphQLScalarType) {
                // described above
            }
        }
        return missing;
    }

    private static boolean blank(String description) {
        return description == null || description.isBlank();
    }
}
