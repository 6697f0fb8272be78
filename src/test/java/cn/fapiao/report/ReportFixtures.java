package cn.fapiao.report;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Organisations, users and invoices of the report tests, written straight into the database as
 * another system (or replica) would leave them: organisations of their own (R reports, S trades
 * with it, X trades with S only), so that exact sums hold whatever other tests write.
 */
final class ReportFixtures {

    static final String R = "91110000RPT00000R1";
    static final String S = "91110000RPT00000S2";
    static final String X = "91110000RPT00000X3";
    /** Same bcrypt hash as the shared fixtures: the password is Tokens.PASSWORD. */
    private static final String HASH = "$2a$04$2CM3lk6diDxscs73ASgW1.xXsa6FaID3QQBCZJOKnNZjS7VQ7aVX2";
    private static final AtomicInteger NUMBERS = new AtomicInteger(10_000_000 + (int) (System.nanoTime() % 1_000_000));

    private final Pool db;

    ReportFixtures(Pool db) {
        this.db = db;
    }

    /** Shanghai wall-clock time. */
    static OffsetDateTime shanghai(int year, int month, int day, int hour, int minute, int second) {
        return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), ZoneOffset.ofHours(8));
    }

    void organisationsAndUsers() {
        run("""
                insert into organisation (uscc, name, region_code) values
                    ('%s', '报表测试甲 (org R)', '1100'), ('%s', '报表测试乙 (org S)', '1100'), ('%s', '报表测试丙 (org X)', '1100')
                on conflict (uscc) do nothing""".formatted(R, S, X));
        run("""
                insert into app_user (organisation_id, username, display_name, password_hash, roles)
                select o.id, u.username, u.username, '%s', array[u.role]::varchar(16)[]
                from (values ('%s', 'rpt-r-accountant', 'ACCOUNTANT'), ('%s', 'rpt-r-auditor', 'AUDITOR'),
                             ('%s', 'rpt-r-issuer', 'ISSUER'), ('%s', 'rpt-x-accountant', 'ACCOUNTANT'),
                             ('%s', 'rpt-s-accountant', 'ACCOUNTANT')) as u(uscc, username, role)
                join organisation o on o.uscc = u.uscc
                on conflict (username) do nothing""".formatted(HASH, R, R, R, X, S));
    }

    long organisationId(String uscc) {
        return db.preparedQuery("select id from organisation where uscc = $1").execute(Tuple.of(uscc))
                .await().indefinitely().iterator().next().getLong("id");
    }

    /** A line: rate and net amount; its tax is rounded half up as issuing does. */
    record Line(String rate, String amount) {
        BigDecimal net() {
            return new BigDecimal(amount);
        }

        BigDecimal tax() {
            return net().multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    static Line line(String rate, String amount) {
        return new Line(rate, amount);
    }

    /** A blue invoice, NORMAL unless said otherwise, created at the given instant. */
    long blue(String seller, String buyer, String type, LocalDate issued, String status, OffsetDateTime createdAt, Line... lines) {
        return insert(seller, buyer, type, issued, status, null, createdAt, lines);
    }

    /** A red invoice reversing (part of) {@code original}: negative lines, same parties and type. */
    long red(long original, LocalDate issued, OffsetDateTime createdAt, Line... lines) {
        var row = db.preparedQuery("""
                        select s.uscc as seller, b.uscc as buyer, i.type_code from invoice i
                        join organisation s on s.id = i.seller_org_id join organisation b on b.id = i.buyer_org_id where i.id = $1""")
                .execute(Tuple.of(original)).await().indefinitely().iterator().next();
        Line[] negative = new Line[lines.length];
        for (int k = 0; k < lines.length; k++) {
            negative[k] = new Line(lines[k].rate(), lines[k].net().negate().toPlainString());
        }
        return insert(row.getString("seller"), row.getString("buyer"), row.getString("type_code"), issued, "NORMAL", original, createdAt, negative);
    }

    private long insert(String seller, String buyer, String type, LocalDate issued, String status, Long original, OffsetDateTime createdAt,
                        Line... lines) {
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            amount = amount.add(line.net());
            tax = tax.add(line.tax());
        }
        boolean red = original != null;
        BigDecimal remaining = red || status.equals("VOIDED") ? BigDecimal.ZERO : amount;
        long id = db.preparedQuery("""
                        insert into invoice (organisation_id, generation, invoice_code, invoice_number, type_code, issue_date,
                            seller_org_id, seller_tax_id, seller_name, buyer_org_id, buyer_tax_id, buyer_name,
                            amount, tax, total, status, direction, original_invoice_id, red_reason, remaining_amount, source, source_system,
                            created_at, updated_at)
                        select s.id, 'LEGACY', '1100131130', $1, $2, $3, s.id, s.uscc, s.name, b.id, b.uscc, b.name,
                            $4, $5, $6, $7, $8, $9, $10, $11, 'IMPORTED', 'report-test', $12, $12
                        from organisation s, organisation b where s.uscc = $13 and b.uscc = $14
                        returning id""")
                .execute(Tuple.tuple().addString(String.format("%08d", NUMBERS.incrementAndGet())).addString(type).addLocalDate(issued)
                        .addBigDecimal(amount).addBigDecimal(tax).addBigDecimal(amount.add(tax)).addString(status)
                        .addString(red ? "RED" : "BLUE").addValue(original).addValue(red ? (short) 1 : null).addBigDecimal(remaining)
                        .addOffsetDateTime(createdAt).addString(seller).addString(buyer))
                .await().indefinitely().iterator().next().getLong("id");
        for (int k = 0; k < lines.length; k++) {
            db.preparedQuery("""
                            insert into invoice_line (invoice_id, line_no, item_name, amount, tax_rate, tax, remaining_amount)
                            values ($1, $2, '*测试*报表', $3, $4, $5, $6)""")
                    .execute(Tuple.tuple().addLong(id).addShort((short) (k + 1)).addBigDecimal(lines[k].net())
                            .addBigDecimal(new BigDecimal(lines[k].rate())).addBigDecimal(lines[k].tax())
                            .addBigDecimal(red || status.equals("VOIDED") ? BigDecimal.ZERO : lines[k].net()))
                    .await().indefinitely();
        }
        return id;
    }

    /** The buyer confirmed use at this instant. */
    void confirmed(long invoice, OffsetDateTime at) {
        db.preparedQuery("update invoice set buyer_confirmed_at = $2 where id = $1").execute(Tuple.of(invoice, at)).await().indefinitely();
    }

    /** A status change at this instant, recorded in the history as the tax side's would be. */
    void status(long invoice, String status, OffsetDateTime at) {
        db.preparedQuery("""
                        with changed as (update invoice i set status = $2 from invoice before where i.id = $1 and before.id = i.id
                                         returning i.id, before.status as from_status)
                        insert into invoice_status_history (invoice_id, from_status, to_status, changed_at, changed_by, reason)
                        select id, from_status, $2, $3, 'report-test', 'test' from changed""")
                .execute(Tuple.of(invoice, status, at)).await().indefinitely();
    }

    private void run(String sql) {
        db.query(sql).execute().await().indefinitely();
    }
}
