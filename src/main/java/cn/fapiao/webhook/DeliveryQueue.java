package cn.fapiao.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries waiting to be sent, shared by every replica through PostgreSQL. A worker claims
 * due ones with {@code for update skip locked}, so two replicas never take the same one, and holds
 * each for a lease (its next_attempt_at moves past the attempt's timeout): a replica that dies
 * while sending leaves the delivery to be taken again when the lease ends. Deliveries of one
 * subject (an invoice) to one endpoint go in event order: one is due only when no earlier one of
 * the same subject is still PENDING, whether waiting, being sent or between retries.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String CLAIM = """
            with due as (
                select d.id
                from webhook_delivery d
                join webhook_endpoint w on w.id = d.endpoint_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and w.active
                  and not exists (select 1 from webhook_delivery e
                                  where e.endpoint_id = d.endpoint_id and e.subject_id = d.subject_id and e.kind = d.kind
                                    and e.status = 'PENDING' and e.position < d.position)
                order by d.next_attempt_at, d.position
                limit $1
                for update of d skip locked
            )
            update webhook_delivery d
            set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2), claim = gen_random_uuid()
            from due, webhook_endpoint w
            where d.id = due.id and w.id = d.endpoint_id
            returning d.id, d.claim, d.attempts, d.endpoint_id, d.position, d.kind, d.subject_id, d.data, d.event_created_at, w.url, w.secret""";

    /** The attempt goes into the log whatever happened to the claim; the delivery changes only for its holder. */
    private static final String DELIVERED = """
            with logged as (
                insert into webhook_attempt (delivery_id, started_at, duration_ms, status_code, error) values ($1, $3, $4, $5, $6)
            )
            update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status_code = $5, last_error = null, claim = null
            where id = $1 and claim = $2 and status = 'PENDING'
            returning status""";

    private static final String FAILED = """
            with logged as (
                insert into webhook_attempt (delivery_id, started_at, duration_ms, status_code, error) values ($1, $3, $4, $5, $6)
            )
            update webhook_delivery
            set status = case when now() + make_interval(secs => $7) > created_at + make_interval(secs => $8) then 'FAILED' else 'PENDING' end,
                next_attempt_at = now() + make_interval(secs => $7), last_status_code = $5, last_error = $6, claim = null
            where id = $1 and claim = $2 and status = 'PENDING'
            returning status""";

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} due deliveries, now held by the caller for {@code lease}. */
    public Uni<List<ClaimedDelivery>> claim(int limit, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, seconds(lease))).map(rows -> {
            List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                claimed.add(new ClaimedDelivery(row.getLong("id"), row.getUUID("claim"), row.getInteger("attempts"), row.getLong("endpoint_id"),
                        row.getLong("position"), row.getString("kind"), row.getLong("subject_id"), row.getJsonObject("data"),
                        row.getOffsetDateTime("event_created_at"), row.getString("url"), row.getString("secret")));
            }
            claimed.sort(java.util.Comparator.comparingLong(ClaimedDelivery::position));
            return claimed;
        });
    }

    /**
     * Records the attempt and moves the delivery on: DELIVERED after a 2xx answer, else PENDING
     * again after {@code retryIn}, or FAILED once that would pass {@code giveUpAfter} from its
     * creation. Answers the status it now has, or null when the claim had run out meanwhile.
     */
    public Uni<String> record(ClaimedDelivery delivery, AttemptResult result, Duration retryIn, Duration giveUpAfter) {
        Tuple values = Tuple.tuple().addLong(delivery.id()).addUUID(delivery.claim()).addOffsetDateTime(result.startedAt())
                .addInteger(result.durationMs()).addInteger(result.statusCode()).addString(result.error());
        if (result.delivered()) {
            return pool.preparedQuery(DELIVERED).execute(values).map(DeliveryQueue::statusOf);
        }
        values.addDouble(seconds(retryIn)).addDouble(seconds(giveUpAfter));
        return pool.preparedQuery(FAILED).execute(values).map(DeliveryQueue::statusOf);
    }

    private static String statusOf(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        return rows.iterator().hasNext() ? rows.iterator().next().getString("status") : null;
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
