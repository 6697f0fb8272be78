package cn.fapiao.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a red-letter reversal gives back of each line of a blue invoice: the whole remainder, an
 * invoice-level amount spread over the lines, or chosen amounts of chosen lines. Guarantees what
 * the tax platform checks: no line ever has less than zero left, and once a line's amount is all
 * given back so is exactly its tax, so a blue invoice reversed in any number of pieces is
 * reversed by exactly its printed tax.
 */
public final class ReversalPlan {

    /** What one line gives back; both figures positive, scale 2. */
    public record Step(int lineNo, BigDecimal amount, BigDecimal tax) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final List<Step> steps;
    private final BigDecimal amount;
    private final BigDecimal tax;
    private final boolean full;

    private ReversalPlan(List<Step> steps, boolean full) {
        this.steps = List.copyOf(steps);
        this.amount = steps.stream().map(Step::amount).reduce(ZERO, BigDecimal::add);
        this.tax = steps.stream().map(Step::tax).reduce(ZERO, BigDecimal::add);
        this.full = full;
    }

    /** Gives back everything that remains on every line. */
    public static ReversalPlan all(List<ReversibleLine> lines) {
        List<Step> steps = new ArrayList<>();
        for (ReversibleLine line : lines) {
            if (line.remainingAmount().signum() > 0 || line.remainingTax().signum() > 0) {
                steps.add(new Step(line.lineNo(), scaled(line.remainingAmount()), scaled(line.remainingTax())));
            }
        }
        if (steps.isEmpty()) {
            throw nothingLeft();
        }
        return new ReversalPlan(steps, true);
    }

    /**
     * Spreads {@code amount} over the lines in proportion to what each has left, by the
     * largest-remainder method in cents: the result adds up to exactly {@code amount} and no line
     * gets more than it has left (rounding each share on its own can add up to more than was
     * asked: 4 × 1.00 asked 0.02 gives 0.01 + 0.01 + 0.01).
     *
     * @param amount positive, at most 2 decimals (the service has checked both)
     */
    public static ReversalPlan amount(List<ReversibleLine> lines, BigDecimal amount) {
        BigInteger asked = cents(requirePositive(amount));
        BigInteger remaining = BigInteger.ZERO;
        for (ReversibleLine line : lines) {
            remaining = remaining.add(cents(line.remainingAmount()));
        }
        if (remaining.signum() == 0) {
            throw nothingLeft();
        }
        int comparison = asked.compareTo(remaining);
        if (comparison > 0) {
            throw new ReversalRefused(ReversalRefused.Reason.EXCEEDS_REMAINING, "input.amount",
                    "The invoice has " + money(remaining) + " left to reverse, asked " + money(asked) + ".");
        }
        if (comparison == 0) {
            return all(lines);
        }
        List<Share> shares = new ArrayList<>();
        BigInteger given = BigInteger.ZERO;
        for (ReversibleLine line : lines) {
            BigInteger left = cents(line.remainingAmount());
            if (left.signum() > 0) {
                BigInteger[] floorAndRest = asked.multiply(left).divideAndRemainder(remaining);
                shares.add(new Share(line, left, floorAndRest[0], floorAndRest[1]));
                given = given.add(floorAndRest[0]);
            }
        }
        // Fractions all have the denominator `remaining`, so comparing the integer rests compares
        // them exactly. The leftover is less than the number of lines with a fraction, and each
        // of those has room (its exact share is below what it has left), so one pass suffices;
        // the loop is only a guard.
        List<Share> byFraction = new ArrayList<>(shares);
        byFraction.sort(Comparator.comparing((Share s) -> s.rest).reversed().thenComparingInt(s -> s.line.lineNo()));
        BigInteger leftover = asked.subtract(given);
        while (leftover.signum() > 0) {
            for (Share share : byFraction) {
                if (leftover.signum() > 0 && share.cents.compareTo(share.left) < 0) {
                    share.cents = share.cents.add(BigInteger.ONE);
                    leftover = leftover.subtract(BigInteger.ONE);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        for (Share share : shares) {
            if (share.cents.signum() > 0) {
                steps.add(step(share.line, new BigDecimal(share.cents, 2)));
            }
        }
        return new ReversalPlan(steps, false);
    }

    /**
     * Gives back the asked amount of each listed line; the steps follow the invoice's line order.
     *
     * @param amounts line number → positive amount, at most 2 decimals; not empty
     */
    public static ReversalPlan byLine(List<ReversibleLine> lines, Map<Integer, BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("No lines to reverse");
        }
        for (Map.Entry<Integer, BigDecimal> asked : amounts.entrySet()) {
            requirePositive(asked.getValue());
            ReversibleLine line = lines.stream().filter(l -> l.lineNo() == asked.getKey()).findFirst()
                    .orElseThrow(() -> new ReversalRefused(ReversalRefused.Reason.UNKNOWN_LINE, "input.lines",
                            "The invoice has no line " + asked.getKey() + "."));
            if (asked.getValue().compareTo(line.remainingAmount()) > 0) {
                throw new ReversalRefused(ReversalRefused.Reason.EXCEEDS_REMAINING, "input.lines",
                        "Line " + line.lineNo() + " has " + scaled(line.remainingAmount()).toPlainString()
                                + " left to reverse, asked " + scaled(asked.getValue()).toPlainString() + ".");
            }
        }
        List<Step> steps = new ArrayList<>();
        boolean full = true;
        for (ReversibleLine line : lines) {
            BigDecimal asked = amounts.get(line.lineNo());
            Step step = asked == null ? null : step(line, scaled(asked));
            if (step != null) {
                steps.add(step);
            }
            full &= step == null ? line.remainingAmount().signum() == 0 && line.remainingTax().signum() == 0
                    : step.amount().compareTo(line.remainingAmount()) == 0;
        }
        return new ReversalPlan(steps, full);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Sum of the steps' amounts. */
    public BigDecimal amount() {
        return amount;
    }

    /** Sum of the steps' taxes. */
    public BigDecimal tax() {
        return tax;
    }

    /** True when nothing remains on any line after this reversal: the blue invoice becomes RED_FULL. */
    public boolean full() {
        return full;
    }

    /**
     * The tax given back with {@code amount} of a line. Taking the rest of the amount takes the
     * rest of the tax, so rounding in earlier pieces never leaves tax behind or overdrawn;
     * otherwise amount × rate, but never more than the tax left.
     */
    private static Step step(ReversibleLine line, BigDecimal amount) {
        BigDecimal tax = amount.compareTo(line.remainingAmount()) == 0 ? scaled(line.remainingTax())
                : TaxMath.lineTax(amount, line.rate()).min(scaled(line.remainingTax())).max(ZERO);
        return new Step(line.lineNo(), amount, tax);
    }

    /** A line's share while the leftover cents are handed out. */
    private static final class Share {
        final ReversibleLine line;
        final BigInteger left;
        final BigInteger rest;
        BigInteger cents;

        Share(ReversibleLine line, BigInteger left, BigInteger cents, BigInteger rest) {
            this.line = line;
            this.left = left;
            this.cents = cents;
            this.rest = rest;
        }
    }

    private static BigDecimal requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("A reversal amount must be positive with at most 2 decimals: " + amount);
        }
        return amount;
    }

    private static BigInteger cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue();
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String money(BigInteger cents) {
        return new BigDecimal(cents, 2).toPlainString();
    }

    private static ReversalRefused nothingLeft() {
        return new ReversalRefused(ReversalRefused.Reason.NOTHING_LEFT, "input.id", "The invoice has been reversed in full already.");
    }
}
