package cn.fapiao.common.graphql;

import cn.fapiao.domain.Problem;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules every argument of every resolver keeps, checked once at the edge instead of field by
 * field: walks the arguments graphql-java has coerced (input objects and lists included) before
 * SmallRye converts them, and names each value it refuses by its path, such as
 * {@code input.invoices[0].lines[1].itemName}. Called by {@link ArgumentErrors}, so it runs before
 * the resolver, its role checks and its transaction: bad input never reaches the database, where
 * it failed as an internal error (PostgreSQL text cannot hold U+0000), or failed a whole import
 * batch for one row.
 *
 * <ul>
 * <li>Text holds only characters XML 1.0 can carry: no control characters but tab, line feed and
 * carriage return, no unpaired surrogates, no U+FFFE or U+FFFF. NUL cannot be stored at all; the
 * other controls are never typed by a person, cannot travel in the XML documents invoices are
 * exchanged in, and would reach printed invoices and audit entries invisibly.</li>
 * <li>Lists hold no null entries: no list of this API gives a null entry a meaning
 * ({@code roles: [null]} was a null pointer in the service).</li>
 * <li>Dates lie in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}: wider than any invoice
 * (VAT began in 1994) or search needs, and within what Java and PostgreSQL both handle alike
 * (PostgreSQL has no year 0 and no dates before 4713 BC).</li>
 * </ul>
 */
final class InputGuard {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;
    /** SmallRye's scalar for {@code LocalDate}; its coerced value is still the text as sent. */
    private static final String DATE_SCALAR = "Date";

    private InputGuard() {
    }

    /** Everything wrong with the resolver's arguments; empty when nothing is. */
    static List<Problem> problems(DataFetchingEnvironment environment) {
        Map<String, Object> values = environment.getArguments();
        if (values.isEmpty()) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(0);
        for (GraphQLArgument argument : environment.getFieldDefinition().getArguments()) {
            Object value = values.get(argument.getName());
            if (value != null) {
                check(argument.getType(), value, argument.getName(), problems);
            }
        }
        return problems;
    }

    private static void check(GraphQLInputType type, Object value, String path, List<Problem> problems) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list && value instanceof List<?> items) {
            GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
            for (int i = 0; i < items.size(); i++) {
                String at = path + "[" + i + "]";
                if (items.get(i) == null) {
                    problems.add(new Problem(at, "REQUIRED", "`" + at + "` is null: a list holds no null entries."));
                } else {
                    check(element, items.get(i), at, problems);
                }
            }
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                Object fieldValue = fields.get(field.getName());
                if (fieldValue != null) {
                    check(field.getType(), fieldValue, path + "." + field.getName(), problems);
                }
            }
        } else if (value instanceof String text) {
            checkText(text, path, problems);
            if (bare instanceof GraphQLScalarType scalar && DATE_SCALAR.equals(scalar.getName())) {
                checkDate(text, path, problems);
            }
        }
    }

    private static void checkText(String text, String path, List<Problem> problems) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!carriable(c)) {
                problems.add(new Problem(path, "INVALID_CHARACTERS", "`" + path + "` holds the character " + String.format("U+%04X", c)
                        + " at position " + (text.codePointCount(0, i) + 1)
                        + ": text may not hold control characters other than tab and line breaks, nor anything that is not a Unicode character."));
                return;
            }
            i += Character.charCount(c);
        }
    }

    /** XML 1.0's {@code Char}; a lone surrogate comes out of {@code codePointAt} as itself and fails here. */
    static boolean carriable(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static void checkDate(String text, String path, List<Problem> problems) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return; // refused as INVALID_FORMAT by ArgumentErrors when SmallRye fails to read it
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            problems.add(new Problem(path, "OUT_OF_RANGE", "`" + path + "` must be a date in the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", got '" + text + "'."));
        }
    }
}
