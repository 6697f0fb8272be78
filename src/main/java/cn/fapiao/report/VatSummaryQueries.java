package cn.fapiao.report;

import cn.fapiao.domain.VatReturn;

import java.util.stream.Collectors;

/**
 * The SQL of the monthly VAT summary. Every figure is a sum over "entries" (an invoice and what it
 * adds to the figure, on a day), and the invoices behind a figure are listed from the same entry
 * statements, so that a listed page always adds up to the figure. Parameters: $1 the
 * organisation; dates are Asia/Shanghai calendar days (issue dates are; timestamps are turned into
 * Shanghai days in SQL).
 */
final class VatSummaryQueries {

    static final String SPECIAL = VatReturn.SPECIAL_TYPE_CODES.stream().sorted().map(code -> "'" + code + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /** Sales: what the organisation issued, voided invoices left out, red ones (negative) in their own month. */
    static final String OUTPUT = """
            select i.id as invoice_id, 'ISSUED'::text as reason, i.issue_date as counted_on, i.amount, i.tax,
                   i.type_code in %s as special
            from invoice i where i.seller_org_id = $1 and i.status <> 'VOIDED'""".formatted(SPECIAL);

    private static final String DEDUCTED = " i.buyer_org_id = $1 and i.direction = 'BLUE' and i.type_code in " + SPECIAL
            + " and i.buyer_confirmed_at is not null";

    /**
     * Purchases: input tax of the special invoices whose use was confirmed, on the day of the
     * confirmation, less what red invoices had reversed before it; transferred out: a red invoice
     * issued after the confirmation (its tax, on its issue day), or the first LOST_CONTROL or
     * ABNORMAL flag after the confirmation (what was still deducted then, on the flag's day; an
     * invoice flagged again after it was set back to NORMAL is not transferred out twice).
     */
    static final String DEDUCTIONS = """
            select i.id as invoice_id, 'INPUT_TAX'::text as figure, 'CONFIRMED'::text as reason,
                   (i.buyer_confirmed_at at time zone 'Asia/Shanghai')::date as counted_on,
                   i.amount + coalesce(before.amount, 0) as amount, i.tax + coalesce(before.tax, 0) as tax
            from invoice i
            left join lateral (select sum(r.amount) as amount, sum(r.tax) as tax from invoice r
                               where r.original_invoice_id = i.id and r.created_at <= i.buyer_confirmed_at) before on true
            where %1$s
            union all
            select r.id, 'TRANSFERRED_OUT', 'RED_REVERSED', r.issue_date, -r.amount, -r.tax
            from invoice i join invoice r on r.original_invoice_id = i.id
            where %1$s and r.created_at > i.buyer_confirmed_at
            union all
            select i.id, 'TRANSFERRED_OUT', f.to_status, (f.changed_at at time zone 'Asia/Shanghai')::date,
                   i.amount + coalesce(before.amount, 0), i.tax + coalesce(before.tax, 0)
            from invoice i
            join lateral (select h.to_status, h.changed_at from invoice_status_history h
                          where h.invoice_id = i.id and h.to_status in ('LOST_CONTROL', 'ABNORMAL') and h.changed_at >= i.buyer_confirmed_at
                          order by h.changed_at, h.id limit 1) f on true
            left join lateral (select sum(r.amount) as amount, sum(r.tax) as tax from invoice r
                               where r.original_invoice_id = i.id and r.created_at <= f.changed_at) before on true
            where %1$s""".formatted(DEDUCTED);

    /**
     * Output tax, input tax and tax transferred out per month, every month before $2 (the first
     * day after the month asked for) that has any: the months before it give the credit brought
     * forward (VatReturn.creditBroughtForward), the last one the month's own figures.
     */
    static final String FLOWS = """
            select month, sum(output) as output, sum(input) as input, sum(transferred) as transferred from (
                select date_trunc('month', o.counted_on)::date as month, sum(o.tax) as output, 0.00 as input, 0.00 as transferred
                from (%s and i.issue_date < $2) o group by 1
                union all
                select date_trunc('month', d.counted_on)::date, 0,
                       coalesce(sum(d.tax) filter (where d.figure = 'INPUT_TAX'), 0.00),
                       coalesce(sum(d.tax) filter (where d.figure = 'TRANSFERRED_OUT'), 0.00)
                from (%s) d where d.counted_on < $2 group by 1
            ) f group by month order by month""".formatted(OUTPUT, DEDUCTIONS);

    /** The month's ($2 first day, $3 first day after) output tax on special and other invoices, and the kinds of transfers out. */
    static final String MONTH_DETAIL = """
            select (select coalesce(sum(o.tax) filter (where o.special), 0.00) from (%1$s and i.issue_date >= $2 and i.issue_date < $3) o) as special,
                   (select coalesce(sum(o.tax) filter (where not o.special), 0.00) from (%1$s and i.issue_date >= $2 and i.issue_date < $3) o) as other,
                   coalesce(sum(d.tax) filter (where d.reason = 'RED_REVERSED'), 0.00) as red_reversed,
                   coalesce(sum(d.tax) filter (where d.reason <> 'RED_REVERSED'), 0.00) as flagged
            from (%2$s) d where d.figure = 'TRANSFERRED_OUT' and d.counted_on >= $2 and d.counted_on < $3""".formatted(OUTPUT, DEDUCTIONS);

    /** The month's output tax by the lines' VAT rate ($2, $3 as above); an invoice without lines under rate null. */
    static final String OUTPUT_BY_RATE = """
            select l.tax_rate as rate, sum(case when l.invoice_id is null then i.amount else l.amount end) as amount,
                   sum(case when l.invoice_id is null then i.tax else l.tax end) as tax
            from invoice i left join invoice_line l on l.invoice_id = i.id
            where i.seller_org_id = $1 and i.status <> 'VOIDED' and i.issue_date >= $2 and i.issue_date < $3
            group by l.tax_rate order by l.tax_rate nulls first""";

    /**
     * One page of entries of a figure ($2, $3 the month; $4 the last invoice id seen; $5 the page
     * size + 1) with what a reader needs to find the invoice. {@code entries} selects invoice_id,
     * reason, counted_on, amount, tax.
     */
    static String page(String entries, String counterparty) {
        return """
                select e.invoice_id, e.reason, e.counted_on, e.amount, e.tax, i.invoice_code, i.invoice_number, i.type_code,
                       i.issue_date, i.direction, i.status, i.%1$s_tax_id as counterparty_tax_id, i.%1$s_name as counterparty_name
                from (%2$s) e join invoice i on i.id = e.invoice_id
                where e.counted_on >= $2 and e.counted_on < $3 and e.invoice_id > $4
                order by e.invoice_id limit $5""".formatted(counterparty, entries);
    }

    /** Output entries of the month at one rate ($6), from the lines. */
    static final String OUTPUT_AT_RATE = """
            select i.id as invoice_id, 'ISSUED'::text as reason, i.issue_date as counted_on, sum(l.amount) as amount, sum(l.tax) as tax
            from invoice i join invoice_line l on l.invoice_id = i.id
            where i.seller_org_id = $1 and i.status <> 'VOIDED' and i.issue_date >= $2 and i.issue_date < $3 and l.tax_rate = $6
            group by i.id, i.issue_date""";

    private VatSummaryQueries() {
    }
}
