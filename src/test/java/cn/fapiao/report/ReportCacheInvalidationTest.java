package cn.fapiao.report;

import cn.fapiao.event.EventFeed;
import cn.fapiao.support.Eventually;
import cn.fapiao.support.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongSupplier;

import static cn.fapiao.report.ReportFixtures.R;
import static cn.fapiao.report.ReportFixtures.S;
import static cn.fapiao.report.ReportFixtures.X;
import static cn.fapiao.report.ReportFixtures.line;
import static cn.fapiao.report.ReportFixtures.shanghai;
import static cn.fapiao.report.ReportsTest.month;
import static cn.fapiao.report.ReportsTest.statistics;
import static cn.fapiao.report.ReportsTest.vat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cached reports are evicted on every replica when an invoice in their scope changes, and only
 * then. The changes here are committed by plain SQL with the outbox triggers off, so that nothing
 * announces them, and then announced by an outbox event as another replica's transaction would
 * write it. Until the announcement the cached answer stands (the cache is really used); an
 * announcement about another organisation's invoice leaves it standing.
 */
@QuarkusTest
class ReportCacheInvalidationTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    Pool db;

    @Inject
    EventFeed feed;

    @Test
    void aChangeCommittedByAnotherReplicaEvictsTheReportsOfItsOrganisationsOnly() {
        ReportFixtures f = new ReportFixtures(db);
        f.organisationsAndUsers();
        long purchase = f.blue(S, R, "01", LocalDate.of(2014, 6, 3), "NORMAL", shanghai(2014, 6, 3, 9, 0, 0), line("0.13", "100.00"));
        f.blue(X, S, "04", LocalDate.of(2014, 6, 4), "NORMAL", shanghai(2014, 6, 4, 9, 0, 0), line("0.06", "50.00"));
        Events.settled(db, feed); // the set-up's own events must not evict what is cached next
        JsonPath before = vat("rpt-r-accountant", 2014, 6);
        assertEquals("0.00", before.getString("data.vatSummary.inputTax"), before::prettify);
        assertEquals(1, statistics("rpt-x-accountant", month(2014, 6), null, List.of()).getInt("data.invoiceStatistics.totals.count"));

        // Committed elsewhere, not yet announced: the cached answers stand.
        long later = unannounced(() -> {
            f.confirmed(purchase, shanghai(2014, 6, 10, 9, 0, 0));
            return f.blue(X, S, "04", LocalDate.of(2014, 6, 5), "NORMAL", shanghai(2014, 6, 5, 9, 0, 0), line("0.06", "70.00"));
        });
        assertEquals("0.00", vat("rpt-r-accountant", 2014, 6).getString("data.vatSummary.inputTax"));
        assertEquals(1, statistics("rpt-x-accountant", month(2014, 6), null, List.of()).getInt("data.invoiceStatistics.totals.count"));

        // X's new invoice announced: X's statistics are recomputed, R's VAT summary (not X's business) stays cached.
        announce(later);
        Eventually.within(WITHIN, () -> statistics("rpt-x-accountant", month(2014, 6), null, List.of()),
                body -> body.getInt("data.invoiceStatistics.totals.count") == 2, "X's statistics after X's change");
        assertEquals("0.00", vat("rpt-r-accountant", 2014, 6).getString("data.vatSummary.inputTax"));

        // The confirmation announced: R's summary (the buyer's) is recomputed.
        announce(purchase);
        JsonPath fresh = Eventually.within(WITHIN, () -> vat("rpt-r-accountant", 2014, 6),
                body -> "13.00".equals(body.getString("data.vatSummary.inputTax")), "R's VAT summary after the confirmation");
        // Other tests' months of R may carry credit into June 2014: the confirmation adds its 13.00 to whatever that is.
        assertEquals(new BigDecimal(before.getString("data.vatSummary.creditCarriedForward")).add(new BigDecimal("13.00")),
                new BigDecimal(fresh.getString("data.vatSummary.creditCarriedForward")));
    }

    /** Changes made with the outbox triggers off: committed, but no event tells anyone. */
    private long unannounced(LongSupplier changes) {
        db.query("alter table invoice disable trigger invoice_changed_event").execute().await().indefinitely();
        db.query("alter table invoice_status_history disable trigger invoice_status_event").execute().await().indefinitely();
        try {
            return changes.getAsLong();
        } finally {
            db.query("alter table invoice enable trigger invoice_changed_event").execute().await().indefinitely();
            db.query("alter table invoice_status_history enable trigger invoice_status_event").execute().await().indefinitely();
        }
    }

    /** The event the triggers write when an invoice changes, as another replica's transaction would commit it. */
    private void announce(long invoice) {
        db.preparedQuery("""
                        insert into event_outbox (kind, subject_id, organisation_ids, data)
                        select 'invoice.changed', id, array_remove(array[seller_org_id, buyer_org_id], null),
                               jsonb_build_object('code', invoice_code, 'number', invoice_number)
                        from invoice where id = $1""")
                .execute(Tuple.of(invoice)).await().indefinitely();
    }
}
