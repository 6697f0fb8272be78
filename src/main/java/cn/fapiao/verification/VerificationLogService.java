package cn.fapiao.verification;

import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.security.Caller;
import cn.fapiao.verification.api.VerificationAttempt;
import cn.fapiao.verification.api.VerificationOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Who verified an invoice and how it ended: for the invoice's parties (and their auditors). */
@ApplicationScoped
public class VerificationLogService {

    private static final String BY_INVOICE = """
            select occurred_at, username, outcome, issue_date, extra_field, mismatched_fields
            from verification_log where invoice_id = $1 order by occurred_at desc, id desc limit $2""";

    private final Pool pool;
    private final InvoiceService invoices;

    public VerificationLogService(Pool pool, InvoiceService invoices) {
        this.pool = pool;
        this.invoices = invoices;
    }

    /** The newest attempts first; the invoice must be one the caller's organisation issued or received. */
    public Uni<List<VerificationAttempt>> attempts(Caller caller, String invoiceId, Integer first) {
        int size = Cursor.pageSize(first, 50, 500, "first");
        return invoices.byId(caller, invoiceId, false).chain(invoice -> pool.preparedQuery(BY_INVOICE)
                .execute(Tuple.of(Long.valueOf(invoice.view().id()), size))
                .map(rows -> {
                    List<VerificationAttempt> attempts = new ArrayList<>();
                    for (Row row : rows) {
                        attempts.add(new VerificationAttempt(row.getOffsetDateTime("occurred_at"), row.getString("username"),
                                VerificationOutcome.valueOf(row.getString("outcome")), row.getLocalDate("issue_date"),
                                row.getString("extra_field"), row.getString("mismatched_fields")));
                    }
                    return attempts;
                }));
    }
}
