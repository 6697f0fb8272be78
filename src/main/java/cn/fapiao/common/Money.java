package cn.fapiao.common;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;
import org.eclipse.microprofile.graphql.Description;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount of money in yuan, the one type every money field of the API has, in answers and in
 * input: the GraphQL scalar {@code Money}. JavaScript reads a JSON number as a binary float, so an
 * amount in a JSON number cannot be trusted to the fen; as a string with two decimals it can
 * (the convention of commerce APIs). A record component, argument or input field declared
 * {@code Money} is a money field; nothing else is needed.
 *
 * <p>Input is read strictly ({@link #parse}): a JSON string of at most 11 digits before and 2 after
 * the point, optionally negative, nothing else (no exponent, no spaces, no {@code +}, no JSON
 * number). A refusal names the variable or argument with {@link ErrorCode#MONEY_MALFORMED} before anything runs
 * ({@code MoneyScalar} in {@code common.graphql}). Each field keeps its own rules on top (a line
 * amount may not be zero, a reversal not negative, ...).
 */
@CustomScalar("Money")
@Description("An amount of money in yuan (金额, 元) as a string with exactly two decimals, e.g. `\"1409.50\"`,"
        + " or `\"-300.00\"` on a red (reversing) invoice. In input: a JSON string with at most 11 digits before"
        + " and 2 after the point, optionally negative (`\"100\"`, `\"100.5\"` and `\"100.50\"` are the same);"
        + " exponents, spaces, a plus sign and JSON numbers are refused with MONEY_MALFORMED.")
public final class Money implements CustomStringScalar, Comparable<Money> {

    private static final Pattern TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,10})(\\.[0-9]{1,2})?");

    private final BigDecimal value;

    /** Reads an amount as a client writes it; SmallRye also calls this to read input back. */
    public Money(String text) {
        this.value = parse(text);
    }

    private Money(BigDecimal value) {
        this.value = value;
    }

    /** The amount rounded half up to the fen; null stays null. */
    public static Money of(BigDecimal amount) {
        return amount == null ? null : new Money(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** The amount with scale 2, or {@link MalformedMoney} saying what is wrong with the text. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            throw new MalformedMoney("An amount is required.");
        }
        if (!TEXT.matcher(text).matches()) {
            throw new MalformedMoney("Expected an amount as a string with at most 11 digits before and 2 after the point,"
                    + " optionally negative, e.g. \"1409.50\"; got " + shown(text) + ".");
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String shown(String text) {
        String cut = text.length() <= 24 ? text : text.substring(0, 24) + "…";
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** The amount, scale 2. */
    public BigDecimal value() {
        return value;
    }

    @Override
    public String stringValueForSerialization() {
        return value.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && money.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }

    /** Text that is not an amount of money; the message says what is expected and quotes (a short form of) what came. */
    public static final class MalformedMoney extends IllegalArgumentException {
        MalformedMoney(String message) {
            super(message);
        }
    }
}
