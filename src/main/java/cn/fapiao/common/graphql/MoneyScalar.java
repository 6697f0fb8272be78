package cn.fapiao.common.graphql;

import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.Money;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
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
import java.util.Locale;
import java.util.Map;

/**
 * The coercing of the {@code Money} scalar ({@link Money}): SmallRye maps the type and reads it
 * back through its constructor, but its own coercing wraps every refusal as "Unable to parse value"
 * with no code. This one refuses malformed amounts with {@link ErrorCode#MONEY_MALFORMED}, which
 * graphql-java keeps on the variable's error ({@link DocumentErrors} adds the field), and refuses
 * JSON numbers: a client that sends one has already been through a binary float. Only the
 * coercing changes (the scalar keeps its name and place), so no type of the schema is rebuilt.
 * Installed by {@link GraphQLExtensions}; {@code MoneyScalarTest} fails if it stops being called.
 */
final class MoneyScalar {

    static final String NAME = "Money";

    private MoneyScalar() {
    }

    static GraphQLSchema install(GraphQLSchema schema) {
        if (!(schema.getType(NAME) instanceof GraphQLScalarType)) {
            return schema;
        }
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                if (!NAME.equals(scalar.getName()) || scalar.getCoercing() instanceof Strict) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> b.coercing(new Strict())));
            }
        });
    }

    static final class Strict implements Coercing<Money, String> {

        @Override
        public String serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return serialize(result);
        }

        @Override
        public String serialize(Object result) throws CoercingSerializeException {
            if (result instanceof Money money) {
                return money.stringValueForSerialization();
            }
            if (result instanceof BigDecimal decimal) {
                return Money.of(decimal).stringValueForSerialization();
            }
            throw new CoercingSerializeException("Not an amount of money: " + (result == null ? "null" : result.getClass().getSimpleName()));
        }

        @Override
        public Money parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
            return parseValue(input);
        }

        @Override
        public Money parseValue(Object input) throws CoercingParseValueException {
            if (input instanceof Money money) {
                return money;
            }
            if (!(input instanceof String text)) {
                throw malformed(input instanceof Number
                        ? "Send amounts as JSON strings with two decimals, e.g. \"1409.50\", not as JSON numbers."
                        : "Expected an amount as a string, e.g. \"1409.50\".");
            }
            try {
                return new Money(text);
            } catch (Money.MalformedMoney e) {
                throw malformed(e.getMessage());
            }
        }

        private static CoercingParseValueException malformed(String message) {
            return CoercingParseValueException.newCoercingParseValueException()
                    .message(message)
                    .extensions(Map.of("code", ErrorCode.MONEY_MALFORMED.name()))
                    .build();
        }

        @Override
        public Money parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) throws CoercingParseLiteralException {
            return parseLiteral(input);
        }

        @Override
        public Money parseLiteral(Object input) throws CoercingParseLiteralException {
            if (!(input instanceof StringValue text)) {
                throw new CoercingParseLiteralException("Write amounts as strings with two decimals, e.g. \"1409.50\".");
            }
            try {
                return new Money(text.getValue());
            } catch (Money.MalformedMoney e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input));
        }
    }
}
