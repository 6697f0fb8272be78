package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReversalPlanTest {

    @Test
    void aLineReversedInThreePiecesGivesBackExactlyItsTax() {
        List<ReversibleLine> lines = List.of(blue(1, "100.00", "0.13"));
        List<String> taxes = new ArrayList<>();
        for (String piece : List.of("33.33", "33.33", "33.34")) {
            ReversalPlan plan = ReversalPlan.amount(lines, d(piece));
            taxes.add(plan.tax().toPlainString());
            lines = apply(lines, plan);
        }
        assertEquals(List.of("4.33", "4.33", "4.34"), taxes);
        assertEquals(d("0.00"), lines.get(0).remainingAmount());
        assertEquals(d("0.00"), lines.get(0).remainingTax());
    }

    @Test
    void theLastPieceIsFull() {
        List<ReversibleLine> lines = apply(List.of(blue(1, "100.00", "0.13")), ReversalPlan.amount(List.of(blue(1, "100.00", "0.13")), d("60.00")));
        ReversalPlan rest = ReversalPlan.amount(lines, d("40.00"));
        assertTrue(rest.full());
        assertEquals(List.of(new ReversalPlan.Step(1, d("40.00"), d("5.20"))), rest.steps());
        assertFalse(ReversalPlan.amount(lines, d("39.99")).full());
    }

    @ParameterizedTest(name = "lines {0}, asked {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            // A tiny line next to a big one: shares 0.4999… and 99.5000… cents → 0.00 + 50.00.
            "0.01 100.00             | 50.00  | 0.00 50.00",
            "100.00 0.01             | 50.01  | 50.00 0.01",
            // Rounding each share on its own (the old planner) gives 0.005 → 0.01 to each of the
            // first three lines and reverses 0.03 when 0.02 was asked. Largest remainder: ties go
            // to the lower line numbers.
            "1.00 1.00 1.00 1.00     | 0.02   | 0.01 0.01 0.00 0.00",
            "1.00 1.00 1.00          | 2.00   | 0.67 0.67 0.66",
            "0.01 0.01 0.01 0.01     | 0.03   | 0.01 0.01 0.01 0.00",
            // Largest fraction first, not line order: 0.10 × 3/7 = 0.0428…, × 4/7 = 0.0571….
            "3.00 4.00               | 0.10   | 0.04 0.06",
            "33.33 33.33 33.34       | 100.00 | 33.33 33.33 33.34",
    })
    void spreadsAnAmountByLargestRemainder(String remaining, String asked, String expected) {
        List<ReversibleLine> lines = new ArrayList<>();
        String[] amounts = remaining.split(" ");
        for (int i = 0; i < amounts.length; i++) {
            lines.add(blue(i + 1, amounts[i], "0.13"));
        }
        ReversalPlan plan = ReversalPlan.amount(lines, d(asked));
        String[] shares = expected.split(" ");
        for (int i = 0; i < shares.length; i++) {
            int lineNo = i + 1;
            BigDecimal given = plan.steps().stream().filter(s -> s.lineNo() == lineNo).map(ReversalPlan.Step::amount).findFirst().orElse(d("0.00"));
            assertEquals(d(shares[i]), given, "line " + lineNo);
        }
        assertEquals(d(asked), plan.amount());
        assertTrue(plan.steps().stream().allMatch(s -> s.amount().signum() > 0), "no empty steps");
    }

    @Test
    void theWholeRemainderAsAnAmountIsTheFullReversal() {
        List<ReversibleLine> lines = List.of(new ReversibleLine(1, d("100.00"), d("13.00"), d("0.13"), d("66.67"), d("8.67")),
                new ReversibleLine(2, d("0.01"), d("0.00"), d("0.13"), d("0.01"), d("0.00")));
        ReversalPlan plan = ReversalPlan.amount(lines, d("66.68"));
        assertTrue(plan.full());
        assertEquals(ReversalPlan.all(lines).steps(), plan.steps());
        assertEquals(List.of(new ReversalPlan.Step(1, d("66.67"), d("8.67")), new ReversalPlan.Step(2, d("0.01"), d("0.00"))), plan.steps());
        assertEquals(d("8.67"), plan.tax());
    }

    @Test
    void allSkipsLinesWithNothingLeft() {
        List<ReversibleLine> lines = List.of(new ReversibleLine(1, d("10.00"), d("1.30"), d("0.13"), d("0.00"), d("0.00")),
                new ReversibleLine(2, d("20.00"), d("1.20"), d("0.06"), d("5.00"), d("0.30")));
        ReversalPlan plan = ReversalPlan.all(lines);
        assertEquals(List.of(new ReversalPlan.Step(2, d("5.00"), d("0.30"))), plan.steps());
        assertEquals(d("5.00"), plan.amount());
        assertEquals(d("0.30"), plan.tax());
        assertTrue(plan.full());
    }

    @Test
    void byLineTakesTheAskedAmountsInLineOrder() {
        List<ReversibleLine> lines = List.of(blue(1, "100.00", "0.13"), blue(2, "50.00", "0.06"), blue(3, "10.00", "0"));
        Map<Integer, BigDecimal> asked = new LinkedHashMap<>();
        asked.put(3, d("10.00"));
        asked.put(1, d("0.50"));
        ReversalPlan plan = ReversalPlan.byLine(lines, asked);
        assertEquals(List.of(new ReversalPlan.Step(1, d("0.50"), d("0.07")), new ReversalPlan.Step(3, d("10.00"), d("0.00"))), plan.steps());
        assertFalse(plan.full());

        ReversalPlan everything = ReversalPlan.byLine(lines, Map.of(1, d("100.00"), 2, d("50.00"), 3, d("10.00")));
        assertTrue(everything.full());
        assertEquals(d("16.00"), everything.tax());
    }

    @Test
    void byLineIsFullWhenTheOtherLinesAreAlreadyGone() {
        List<ReversibleLine> lines = List.of(new ReversibleLine(1, d("10.00"), d("1.30"), d("0.13"), d("0.00"), d("0.00")), blue(2, "20.00", "0.13"));
        assertTrue(ReversalPlan.byLine(lines, Map.of(2, d("20.00"))).full());
    }

    @Test
    void zeroRateLinesGiveBackNoTax() {
        List<ReversibleLine> lines = List.of(blue(1, "100.00", "0"), blue(2, "100.00", "0"));
        ReversalPlan plan = ReversalPlan.amount(lines, d("33.33"));
        assertEquals(d("33.33"), plan.amount());
        assertEquals(d("0.00"), plan.tax());
        assertTrue(ReversalPlan.all(lines).full());
        assertEquals(d("0.00"), ReversalPlan.all(lines).tax());
    }

    @Test
    void aPieceNeverTakesMoreTaxThanIsLeft() {
        // The blue tax was printed 0.06 below amount × rate (within tolerance): pieces stop at what is left.
        List<ReversibleLine> lines = List.of(new ReversibleLine(1, d("100.00"), d("12.94"), d("0.13"), d("100.00"), d("12.94")));
        ReversalPlan first = ReversalPlan.amount(lines, d("99.60"));
        assertEquals(d("12.94"), first.tax(), "99.60 × 0.13 = 12.95 would leave −0.01");
        lines = apply(lines, first);
        ReversalPlan piece = ReversalPlan.amount(lines, d("0.30"));
        assertEquals(d("0.00"), piece.tax());
        lines = apply(lines, piece);
        ReversalPlan last = ReversalPlan.amount(lines, d("0.10"));
        assertEquals(d("0.00"), last.tax());
        assertTrue(last.full());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "amount over the invoice | amount | 150.01 | EXCEEDS_REMAINING | input.amount | The invoice has 150.00 left to reverse, asked 150.01.",
            "line over its remainder | line 2 | 50.01  | EXCEEDS_REMAINING | input.lines  | Line 2 has 50.00 left to reverse, asked 50.01.",
            "unknown line            | line 9 | 1.00   | UNKNOWN_LINE      | input.lines  | The invoice has no line 9.",
    })
    void refusesWhatIsNotThere(String name, String request, String asked, ReversalRefused.Reason reason, String field, String message) {
        List<ReversibleLine> lines = List.of(blue(1, "100.00", "0.13"), blue(2, "50.00", "0.13"));
        ReversalRefused refused = assertThrows(ReversalRefused.class, () -> {
            if (request.equals("amount")) {
                ReversalPlan.amount(lines, d(asked));
            } else {
                ReversalPlan.byLine(lines, Map.of(Integer.parseInt(request.substring(5)), d(asked)));
            }
        });
        assertEquals(reason, refused.reason());
        assertEquals(field, refused.field());
        assertEquals(message, refused.getMessage());
    }

    @Test
    void refusesAnInvoiceWithNothingLeft() {
        List<ReversibleLine> gone = List.of(new ReversibleLine(1, d("10.00"), d("1.30"), d("0.13"), d("0.00"), d("0.00")));
        assertEquals(ReversalRefused.Reason.NOTHING_LEFT, assertThrows(ReversalRefused.class, () -> ReversalPlan.all(gone)).reason());
        assertEquals(ReversalRefused.Reason.NOTHING_LEFT, assertThrows(ReversalRefused.class, () -> ReversalPlan.amount(gone, d("0.01"))).reason());
        assertEquals(ReversalRefused.Reason.EXCEEDS_REMAINING,
                assertThrows(ReversalRefused.class, () -> ReversalPlan.byLine(gone, Map.of(1, d("0.01")))).reason());
    }

    /**
     * Random invoices reversed in random pieces (by amount, by line, or the rest) until nothing
     * is left: the taxes given back add up to the printed tax, and nothing ever goes negative.
     */
    @Test
    void randomReversalsGiveBackExactlyTheOriginalTaxAndNeverOverdraw() {
        Random random = new Random(20261130L);
        String[] rates = {"0.13", "0.09", "0.06", "0.05", "0.03", "0.01", "0.015", "0", "0.17"};
        for (int invoice = 0; invoice < 2000; invoice++) {
            List<ReversibleLine> lines = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 1; i <= count; i++) {
                long cents = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1 + random.nextInt(10_000_000);
                lines.add(blue(i, new BigDecimal(cents).movePointLeft(2).toPlainString(), rates[random.nextInt(rates.length)]));
            }
            BigDecimal printedTax = lines.stream().map(ReversibleLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal givenTax = BigDecimal.ZERO;
            BigDecimal givenAmount = BigDecimal.ZERO;
            BigDecimal total = lines.stream().map(ReversibleLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int piece = 0; ; piece++) {
                BigDecimal left = lines.stream().map(ReversibleLine::remainingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                ReversalPlan plan;
                int kind = piece > 20 ? 0 : random.nextInt(3);
                if (kind == 0) {
                    plan = ReversalPlan.all(lines);
                } else if (kind == 1) {
                    long cents = 1 + (long) (random.nextDouble() * left.movePointRight(2).longValueExact());
                    plan = ReversalPlan.amount(lines, new BigDecimal(cents).movePointLeft(2).min(left));
                } else {
                    List<ReversibleLine> open = lines.stream().filter(l -> l.remainingAmount().signum() > 0).toList();
                    ReversibleLine line = open.get(random.nextInt(open.size()));
                    long cents = 1 + (long) (random.nextDouble() * line.remainingAmount().movePointRight(2).longValueExact());
                    plan = ReversalPlan.byLine(lines, Map.of(line.lineNo(), new BigDecimal(cents).movePointLeft(2).min(line.remainingAmount())));
                }
                assertTrue(plan.amount().compareTo(left) <= 0, "never more than remains");
                givenTax = givenTax.add(plan.tax());
                givenAmount = givenAmount.add(plan.amount());
                lines = apply(lines, plan);
                for (ReversibleLine line : lines) {
                    assertTrue(line.remainingAmount().signum() >= 0 && line.remainingTax().signum() >= 0, "invoice " + invoice + ": " + line);
                }
                boolean empty = lines.stream().allMatch(l -> l.remainingAmount().signum() == 0 && l.remainingTax().signum() == 0);
                assertEquals(empty, plan.full(), "invoice " + invoice + ", piece " + piece);
                if (empty) {
                    break;
                }
            }
            assertEquals(0, printedTax.compareTo(givenTax), "invoice " + invoice);
            assertEquals(0, total.compareTo(givenAmount), "invoice " + invoice);
        }
    }

    /** A blue line with nothing reversed yet, tax = round(amount × rate). */
    private static ReversibleLine blue(int lineNo, String amount, String rate) {
        BigDecimal a = d(amount);
        BigDecimal tax = TaxMath.lineTax(a, new BigDecimal(rate));
        return new ReversibleLine(lineNo, a, tax, new BigDecimal(rate), a, tax);
    }

    /** The lines after the plan, as the service would store them. */
    private static List<ReversibleLine> apply(List<ReversibleLine> lines, ReversalPlan plan) {
        List<ReversibleLine> after = new ArrayList<>();
        for (ReversibleLine line : lines) {
            ReversibleLine next = line;
            for (ReversalPlan.Step step : plan.steps()) {
                if (step.lineNo() == line.lineNo()) {
                    next = new ReversibleLine(line.lineNo(), line.amount(), line.tax(), line.rate(),
                            line.remainingAmount().subtract(step.amount()), line.remainingTax().subtract(step.tax()));
                }
            }
            after.add(next);
        }
        return after;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
