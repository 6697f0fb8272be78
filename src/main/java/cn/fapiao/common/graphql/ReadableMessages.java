package cn.fapiao.common.graphql;

import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Node;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.parser.Parser;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites graphql-java's messages about a document so that they quote values as the client wrote
 * them, in GraphQL ({@code 'TOTAL'}, {@code '{status: [NORMAL, 7]}'}), instead of printing its Java
 * objects ({@code EnumValue{name='TOTAL'}}, {@code ObjectValue{objectFields=[...]}}), and say which
 * kind of value was expected in words ("Expected an enum value but got an integer", not "an AST
 * type of 'EnumValue'"). graphql-java builds these messages from the values' {@code toString}, so
 * the values of the document are printed again and swapped in. Used by {@link DocumentErrors}.
 */
final class ReadableMessages {

    /** graphql-java's "Expected an AST type of 'X' but it was a 'Y'" and SmallRye's "SRGQL000015: Expected AST type 'X' or 'Y' but was 'Z'." */
    private static final Pattern AST_TYPES = Pattern.compile(
            "(?:SRGQL\\d+: )?Expected (?:an )?AST type (?:of )?((?:'\\w+'(?: or )?)+) but (?:it )?was (?:an? )?'(\\w+)'\\.?");
    private static final Pattern QUOTED_WORD = Pattern.compile("'(\\w+)'");
    private static final Map<String, String> KINDS = Map.of(
            "IntValue", "an integer", "FloatValue", "a number", "StringValue", "a string", "BooleanValue", "true or false",
            "EnumValue", "an enum value", "NullValue", "null", "ArrayValue", "a list", "ObjectValue", "an input object",
            "VariableReference", "a variable");

    private final String document;
    private Map<String, String> printed;

    ReadableMessages(String document) {
        this.document = document;
    }

    /** The message with every value of the document that graphql-java printed as a Java object printed as GraphQL. */
    String rewrite(String message) {
        if (message == null) {
            return null;
        }
        String readable = message;
        if (readable.contains("Value{") || readable.contains("VariableReference{")) {
            for (Map.Entry<String, String> value : printed().entrySet()) {
                readable = readable.replace(value.getKey(), value.getValue());
            }
        }
        return inWords(readable);
    }

    private static String inWords(String message) {
        Matcher types = AST_TYPES.matcher(message);
        if (!types.find()) {
            return message;
        }
        String actual = types.group(2);
        // SmallRye's scalars name every kind a scalar of theirs takes, whichever scalar it is: for a
        // Date given as a number, "'IntValue' or 'StringValue' but was 'IntValue'". Then only the
        // kind given is worth telling.
        String told = types.group(1).contains("'" + actual + "'") ? "It cannot be " + kindOf(actual) + "."
                : "Expected " + QUOTED_WORD.matcher(types.group(1)).replaceAll(kind -> Matcher.quoteReplacement(kindOf(kind.group(1))))
                        + " but got " + kindOf(actual);
        return message.substring(0, types.start()) + told + message.substring(types.end());
    }

    private static String kindOf(String astType) {
        return KINDS.getOrDefault(astType, astType);
    }

    /** Every value of the document, as graphql-java prints it and as GraphQL does; longest first, so that a list is swapped before its items. */
    private Map<String, String> printed() {
        if (printed == null) {
            Map<String, String> values = new LinkedHashMap<>();
            try {
                collect(Parser.parse(document), values);
            } catch (RuntimeException unparseable) {
                // Not expected: graphql-java parsed it before it could validate it. The message stays as it was.
            }
            printed = values.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
        return printed;
    }

    private static void collect(Node<?> node, Map<String, String> values) {
        if (node instanceof Value<?> value) {
            values.putIfAbsent(value.toString(), print(value));
        }
        for (Node<?> child : node.getChildren()) {
            collect(child, values);
        }
    }

    static String print(Value<?> value) {
        if (value instanceof ObjectValue object) {
            return object.getObjectFields().stream().map(field -> field.getName() + ": " + print(field.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof ArrayValue list) {
            return list.getValues().stream().map(ReadableMessages::print).collect(Collectors.joining(", ", "[", "]"));
        }
        return AstPrinter.printAst(value);
    }
}
