package cn.fapiao.common.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * Makes variables of number types fail coercion when they are not numbers of that type, as the
 * GraphQL specification asks. SmallRye's number scalars let any text through as a variable
 * ({@code "abc"} for an {@code Int}); the resolver's argument conversion then failed with a
 * generic message after the operation had started. Now graphql-java refuses such a variable before
 * anything runs, naming it ({@code GRAPHQL_VALIDATION_FAILED}, {@code extensions.field}, see
 * {@link DocumentErrors}). Numeric text stays accepted (as SmallRye accepted it). Installed by
 * {@link GraphQLExtensions}; literals and answers are left to SmallRye's coercing.
 */
final class StrictNumbers {

    /** Integral scalars and their range; null: no range beyond being integral. */
    private static final Set<String> INTEGRAL = Set.of("Int", "Long", "BigInteger", "Short", "Byte");
    private static final Set<String> NUMBERS = Set.of("Int", "Long", "BigInteger", "Short", "Byte", "Float", "BigDecimal");

    private StrictNumbers() {
    }

    static GraphQLSchema install(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                if (!NUMBERS.contains(scalar.getName()) || scalar.getCoercing() instanceof Strict) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> b.coercing(new Strict(scalar.getName(), scalar.getCoercing()))));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Strict implements Coercing<Object, Object> {

        private final String name;
        private final Coercing smallRyes;

        Strict(String name, Coercing smallRyes) {
            this.name = name;
            this.smallRyes = smallRyes;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            check(input);
            return smallRyes.parseValue(input, context, locale);
        }

        @Override
        public Object parseValue(Object input) throws CoercingParseValueException {
            check(input);
            return smallRyes.parseValue(input);
        }

        private void check(Object input) {
            BigDecimal number;
            if (input instanceof Number) {
                number = input instanceof BigDecimal decimal ? decimal : new BigDecimal(input.toString());
            } else if (input instanceof String text) {
                try {
                    number = new BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    throw new CoercingParseValueException("Expected a number for " + name + ", got text that is not one.");
                }
            } else {
                throw new CoercingParseValueException("Expected a number for " + name + ".");
            }
            if (INTEGRAL.contains(name)) {
                BigInteger integral;
                try {
                    integral = number.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw new CoercingParseValueException("Expected a whole number for " + name + ".");
                }
                if (name.equals("Int") && integral.bitLength() > 31) {
                    throw new CoercingParseValueException("The number is outside the range of Int (32 bits).");
                }
            }
        }

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return smallRyes.serialize(result, context, locale);
        }

        @Override
        public Object serialize(Object result) throws CoercingSerializeException {
            return smallRyes.serialize(result);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) throws CoercingParseLiteralException {
            return smallRyes.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Object parseLiteral(Object input) throws CoercingParseLiteralException {
            return smallRyes.parseLiteral(input);
        }

        @Override
        public Value valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return smallRyes.valueToLiteral(input, context, locale);
        }
    }
}
