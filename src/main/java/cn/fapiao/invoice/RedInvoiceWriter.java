package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.Generation;
import cn.fapiao.domain.InvoiceLifecycle;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.ReversalPlan;
import cn.fapiao.domain.ReversibleLine;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Red-letter reversal in one transaction: locks the blue invoice, plans what each line gives back
 * ({@link ReversalPlan}), reduces what is left on the blue invoice and its lines, and writes the red
 * invoice with the next number of the seller's prefix. The blue row stays locked to the commit, so
 * two reversals that together exceed what remains cannot both succeed.
 */
@ApplicationScoped
class RedInvoiceWriter {

    private static final int WHOLE_INVOICE = 0;
    private static final String[] REASONS = {"", "issued in error (开票有误)", "goods returned (销货退回)", "service stopped (服务中止)", "sales discount (销售折让)"};

    private static final String LOCK_BLUE = """
            select i.*, o.region_code as seller_region from invoice i left join organisation o on o.id = i.seller_org_id
            where i.id = $1 for update of i""";
    private static final String BLUE_LINES = """
            select id, line_no, item_name, specification, unit, amount, tax_rate, tax_treatment, tax, remaining_amount, remaining_tax
            from invoice_line where invoice_id = $1 order by line_no""";
    /** Takes what blue lines give back ($1 line ids, $2 amounts, $3 taxes; one entry per line); imports of red invoices use it too. */
    static final String REDUCE_LINES = """
            update invoice_line l set remaining_amount = l.remaining_amount - s.amount::numeric, remaining_tax = l.remaining_tax - s.tax::numeric
            from unnest($1::bigint[], $2::text[], $3::text[]) as s(id, amount, tax) where l.id = s.id""";
    /**
     * What is left on the invoice follows its lines. An imported invoice's own amount and tax may
     * differ from the sums of its lines by a cent (the import's tolerance): the remainder never goes
     * below zero, and it is empty once the lines are ($5).
     */
    private static final String REDUCE_BLUE = """
            update invoice set remaining_amount = case when $5 then 0 else greatest(remaining_amount - $2, 0) end,
                remaining_tax = case when $5 then 0 else greatest(remaining_tax - $3, 0) end,
                status = $4, version = version + 1, updated_at = now()
            where id = $1""";
    /** The number parameter carries the prefix; the red invoice takes the prefix's next number. */
    private static final String INSERT_RED = "with next_number as (" + InvoiceNumbering.nextSequenceSql("$3") + ")\n"
            + InvoiceInserts.invoice(InvoiceNumbering.numberSql("$3", "n.last_value"), "next_number n", "returning i.id, i.invoice_number");

    /** What a reversal asks for: everything left (neither set), an amount, or amounts per line. */
    record Request(BigDecimal amount, Map<Integer, BigDecimal> byLine, int reasonCode, String confirmation, String note,
                   String idempotencyKey, String requestHash) {
    }

    /** The ids of the invoices the reversal changed and wrote, to announce and answer after commit. */
    record Reversal(long blueId, String blueCode, String blueNumber, long redId, String redNumber) {
    }

    private final Pool pool;

    RedInvoiceWriter(Pool pool) {
        this.pool = pool;
    }

    Uni<Reversal> reverse(Caller caller, long blueId, Request request) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_BLUE).execute(Tuple.of(blueId)).chain(found -> {
            Row blue = found.size() == 0 ? null : found.iterator().next();
            checkMayReverse(caller, blue, blueId, request.confirmation());
            return connection.preparedQuery(BLUE_LINES).execute(Tuple.of(blueId)).chain(lineRows -> {
                List<Row> lines = new ArrayList<>();
                lineRows.forEach(lines::add);
                ReversalPlan plan = plan(blue, lines, request);
                return write(connection, caller, blue, lines, plan, request);
            });
        }));
    }

    private static void checkMayReverse(Caller caller, Row blue, long id, String confirmation) {
        Long organisation = caller.organisationId();
        if (blue == null || !(organisation.equals(blue.getLong("seller_org_id")) || organisation.equals(blue.getLong("buyer_org_id")))) {
            throw InvoiceLifecycleService.notFound(id);
        }
        if (!organisation.equals(blue.getLong("seller_org_id"))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the seller red-reverses an invoice.");
        }
        InvoiceLifecycleService.refusedAs(ErrorCode.REVERSAL_NOT_ALLOWED, () -> InvoiceLifecycle.checkReversible(
                Direction.valueOf(blue.getString("direction")), InvoiceStatus.valueOf(blue.getString("status"))));
        if (blue.getOffsetDateTime("buyer_confirmed_at") != null && confirmation == null) {
            throw new ApiException(ErrorCode.CONFIRMATION_REQUIRED, "The buyer has confirmed use of this invoice: a red-letter"
                    + " confirmation (红字确认单) agreed by both sides is needed; give its number.", "input.confirmationNumber", List.of(), Map.of());
        }
    }

    /**
     * An invoice without lines (imported as totals only) is reversed as one line of its totals at
     * its effective rate; {@link #WHOLE_INVOICE} marks that line, which has no row of its own.
     */
    private static ReversalPlan plan(Row blue, List<Row> lines, Request request) {
        List<ReversibleLine> reversible = lines.isEmpty()
                ? List.of(new ReversibleLine(WHOLE_INVOICE, blue.getBigDecimal("amount"), blue.getBigDecimal("tax"),
                        effectiveRate(blue.getBigDecimal("amount"), blue.getBigDecimal("tax")),
                        blue.getBigDecimal("remaining_amount"), blue.getBigDecimal("remaining_tax")))
                : lines.stream().map(l -> new ReversibleLine(l.getInteger("line_no"), l.getBigDecimal("amount"),
                l.getBigDecimal("tax"), l.getBigDecimal("tax_rate"), l.getBigDecimal("remaining_amount"), l.getBigDecimal("remaining_tax"))).toList();
        return InvoiceLifecycleService.planned(() -> {
            if (request.byLine() != null && !request.byLine().isEmpty()) {
                return ReversalPlan.byLine(reversible, request.byLine());
            }
            return request.amount() == null ? ReversalPlan.all(reversible) : ReversalPlan.amount(reversible, request.amount());
        });
    }

    private static BigDecimal effectiveRate(BigDecimal amount, BigDecimal tax) {
        return amount.signum() == 0 ? BigDecimal.ZERO : tax.divide(amount, 6, RoundingMode.HALF_UP);
    }

    private Uni<Reversal> write(SqlConnection connection, Caller caller, Row blue, List<Row> lines, ReversalPlan plan, Request request) {
        Map<Integer, Row> lineByNo = new HashMap<>();
        lines.forEach(l -> lineByNo.put(l.getInteger("line_no"), l));
        List<NewInvoice.Line> redLines = new ArrayList<>();
        int lineNo = 1;
        List<ReversalPlan.Step> lineSteps = plan.steps().stream().filter(s -> s.lineNo() != WHOLE_INVOICE).toList();
        for (ReversalPlan.Step step : lineSteps) {
            Row line = lineByNo.get(step.lineNo());
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            redLines.add(new NewInvoice.Line(lineNo++, line.getString("item_name"), line.getString("specification"), line.getString("unit"),
                    null, null, step.amount().negate(), line.getBigDecimal("tax_rate"), TaxTreatment.valueOf(line.getString("tax_treatment")),
                    step.tax().negate(), zero, zero, line.getLong("id")));
        }
        long blueId = blue.getLong("id");
        InvoiceStatus from = InvoiceStatus.valueOf(blue.getString("status"));
        boolean nothingLeft = plan.full() || blue.getBigDecimal("remaining_amount").compareTo(plan.amount()) <= 0;
        InvoiceStatus to = InvoiceLifecycle.afterReversal(nothingLeft);
        String why = "red-reversed " + plan.amount().toPlainString() + ": " + REASONS[request.reasonCode()]
                + (request.note() == null || request.note().isBlank() ? "" : " — " + request.note().strip());
        LocalDate today = LocalDate.now(InvoiceService.BUSINESS_ZONE);
        String code = blue.getString("invoice_code");
        String number = blue.getString("invoice_number");
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        NewInvoice red = new NewInvoice(Generation.DIGITAL, null, null, isSpecial(blue.getString("type_code")) ? "81" : "82", today,
                party(blue, "seller"), party(blue, "buyer"), plan.amount().negate(), plan.tax().negate(), plan.amount().add(plan.tax()).negate(),
                null, InvoiceStatus.NORMAL, Direction.RED, blueId, request.reasonCode(), request.confirmation(), zero, zero,
                InvoiceSource.ISSUED, null, "红字发票，对应蓝字发票 " + (code == null ? "" : code + " ") + number,
                caller.organisationId(), request.idempotencyKey(), request.requestHash(), redLines);
        String prefix = InvoiceNumbering.prefix(today, blue.getString("seller_region"));
        return connection.preparedQuery(REDUCE_LINES).execute(Tuple.of(
                        lineSteps.stream().map(s -> lineByNo.get(s.lineNo()).getLong("id")).toArray(Long[]::new),
                        column(lineSteps, s -> s.amount().toPlainString()), column(lineSteps, s -> s.tax().toPlainString())))
                .chain(() -> connection.preparedQuery(REDUCE_BLUE).execute(Tuple.of(blueId, plan.amount(), plan.tax(), to.name(), nothingLeft)))
                .chain(() -> connection.preparedQuery(INSERT_RED).execute(Tuple.from(InvoiceInserts.values(red, prefix))))
                .map(inserted -> inserted.iterator().next())
                .chain(inserted -> {
                    long redId = inserted.getLong("id");
                    Uni<Void> linesWritten = redLines.isEmpty() ? Uni.createFrom().voidItem() : writeLines(connection, redId, redLines);
                    // Both changes in one statement: the blue invoice's new status, and the red one's first.
                    return linesWritten.chain(() -> connection.preparedQuery(InvoiceInserts.HISTORY).execute(Tuple.of(
                                    new Long[] {blueId, redId}, new String[] {from.name(), null}, new String[] {to.name(), InvoiceStatus.NORMAL.name()},
                                    new String[] {caller.username(), caller.username()}, new String[] {why, why})))
                            .replaceWith(new Reversal(blueId, code, number, redId, inserted.getString("invoice_number")));
                });
    }

    private Uni<Void> writeLines(SqlConnection connection, long redId, List<NewInvoice.Line> redLines) {
        List<Object> values = new ArrayList<>();
        values.add(redLines.stream().map(l -> redId).toArray(Long[]::new));
        values.addAll(InvoiceInserts.lineArrays(redLines));
        return connection.preparedQuery(InvoiceInserts.LINES).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** The red invoice names the same parties as the blue one (details copied sealed, as stored). */
    private static NewInvoice.Party party(Row blue, String side) {
        return new NewInvoice.Party(blue.getLong(side + "_org_id"), blue.getString(side + "_tax_id"), blue.getString(side + "_name"),
                blue.getString(side + "_address_phone"), blue.getString(side + "_bank_account"));
    }

    private static String[] column(List<ReversalPlan.Step> steps, Function<ReversalPlan.Step, String> value) {
        return steps.stream().map(value).toArray(String[]::new);
    }

    private static boolean isSpecial(String typeCode) {
        return "01".equals(typeCode) || "08".equals(typeCode) || "81".equals(typeCode);
    }
}
