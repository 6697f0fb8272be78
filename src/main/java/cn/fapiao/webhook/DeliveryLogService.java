package cn.fapiao.webhook;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import cn.fapiao.webhook.api.WebhookAttemptView;
import cn.fapiao.webhook.api.WebhookDeliveryConnection;
import cn.fapiao.webhook.api.WebhookDeliveryEdge;
import cn.fapiao.webhook.api.WebhookDeliveryStatus;
import cn.fapiao.webhook.api.WebhookDeliveryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery log of the caller's own organisation, newest first, with each delivery's newest
 * attempts; and replaying one delivery. Deliveries carry their organisation, so another
 * organisation's are never read.
 */
@ApplicationScoped
public class DeliveryLogService {

    private static final String CURSOR_KIND = "webhook-delivery";
    private static final String COLUMNS = """
            d.id, d.endpoint_id, d.position, d.kind, d.subject_id, d.status, d.attempts, d.next_attempt_at,
            d.last_status_code, d.created_at, d.delivered_at""";
    // Keyset pagination on the id, newest first: webhook_delivery_log_idx (or the endpoint's index).
    private static final String PAGE = "select " + COLUMNS + """

            from webhook_delivery d
            where d.organisation_id = $1 and ($2::bigint is null or d.endpoint_id = $2) and ($3::text is null or d.status = $3)
              and ($4::bigint is null or d.id < $4)
            order by d.id desc
            limit $5""";
    private static final String ATTEMPTS = """
            select a.delivery_id, a.started_at, a.duration_ms, a.status_code, a.error, a.replay
            from unnest($1::bigint[]) as d(id)
            cross join lateral (select * from webhook_attempt w where w.delivery_id = d.id order by w.id desc limit $2) a
            order by a.delivery_id, a.id desc""";
    private static final String ONE = "select " + COLUMNS + """
            , w.url, w.secret, w.active, d.data, d.event_created_at
            from webhook_delivery d join webhook_endpoint w on w.id = d.endpoint_id
            where d.id = $1 and d.organisation_id = $2""";
    private static final String REPLAYED = """
            with logged as (
                insert into webhook_attempt (delivery_id, started_at, duration_ms, status_code, error, replay) values ($1, $2, $3, $4, $5, true)
            )
            update webhook_delivery
            set attempts = attempts + 1, last_status_code = coalesce($4, last_status_code),
                status = case when $6 then 'DELIVERED' else status end,
                delivered_at = case when $6 then now() else delivered_at end
            where id = $1 and status <> 'PENDING'""";

    private final Pool pool;
    private final DeliverySender sender;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;

    public DeliveryLogService(Pool pool, DeliverySender sender, WebhookMetrics metrics, WebhookConfig config) {
        this.pool = pool;
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
    }

    public Uni<WebhookDeliveryConnection> page(Caller caller, String endpointId, WebhookDeliveryStatus status, Integer first, String after) {
        caller.require(Role.ADMIN);
        int size = Cursor.pageSize(first, 50, 200, "first");
        Long afterId = after == null ? null : parseCursor(after);
        Long endpoint = endpointId == null ? null : WebhookEndpointService.parseId(endpointId, "endpointId");
        Tuple values = Tuple.tuple().addLong(caller.organisationId()).addLong(endpoint).addString(status == null ? null : status.name())
                .addLong(afterId).addInteger(size + 1);
        Uni<Void> ownEndpoint = endpoint == null ? Uni.createFrom().voidItem()
                : pool.preparedQuery("select 1 from webhook_endpoint where id = $1 and organisation_id = $2")
                .execute(Tuple.of(endpoint, caller.organisationId()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw WebhookEndpointService.endpointNotFound(endpointId, "endpointId");
                    }
                    return null;
                });
        return ownEndpoint.chain(() -> pool.preparedQuery(PAGE).execute(values)).chain(rows -> {
            List<Row> page = new ArrayList<>();
            for (Row row : rows) {
                if (page.size() < size) {
                    page.add(row);
                }
            }
            boolean more = rows.size() > size;
            return attemptsOf(page).map(attempts -> {
                List<WebhookDeliveryEdge> edges = new ArrayList<>();
                for (Row row : page) {
                    WebhookDeliveryView view = view(row, attempts.getOrDefault(row.getLong("id"), List.of()));
                    edges.add(new WebhookDeliveryEdge(Cursor.encode(CURSOR_KIND, view.id()), view));
                }
                return new WebhookDeliveryConnection(edges, new PageInfo(more, afterId != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
            });
        });
    }

    /**
     * Sends the delivery again now, as one more attempt with the same delivery id (a receiver that
     * has it already drops it). Not while it is PENDING: the workers are at it, in order.
     */
    public Uni<WebhookDeliveryView> replay(Caller caller, String deliveryId) {
        caller.require(Role.ADMIN);
        long id = parseDeliveryId(deliveryId);
        return pool.preparedQuery(ONE).execute(Tuple.of(id, caller.organisationId())).chain(rows -> {
            if (!rows.iterator().hasNext()) {
                throw deliveryNotFound(deliveryId);
            }
            Row row = rows.iterator().next();
            if (WebhookDeliveryStatus.PENDING.name().equals(row.getString("status"))) {
                throw new ApiException(ErrorCode.WEBHOOK_REPLAY_NOT_ALLOWED, "id", "The delivery is still PENDING: it is being sent or retried.");
            }
            if (!row.getBoolean("active")) {
                throw new ApiException(ErrorCode.WEBHOOK_REPLAY_NOT_ALLOWED, "id", "The delivery's endpoint is disabled: enable it first.");
            }
            ClaimedDelivery delivery = new ClaimedDelivery(id, null, row.getInteger("attempts") + 1, row.getLong("endpoint_id"), row.getLong("position"),
                    row.getString("kind"), row.getLong("subject_id"), row.getJsonObject("data"), row.getOffsetDateTime("event_created_at"),
                    row.getString("url"), row.getString("secret"));
            return sender.send(delivery).chain(result -> {
                metrics.attempt(result.delivered() ? "delivered" : "failed", true);
                return pool.preparedQuery(REPLAYED).execute(Tuple.tuple().addLong(id).addOffsetDateTime(result.startedAt()).addInteger(result.durationMs())
                        .addInteger(result.statusCode()).addString(result.error()).addBoolean(result.delivered()));
            });
        }).chain(() -> pool.preparedQuery("select " + COLUMNS + " from webhook_delivery d where d.id = $1").execute(Tuple.of(id)))
                .chain(rows -> {
                    List<Row> one = new ArrayList<>();
                    rows.forEach(one::add);
                    return attemptsOf(one).map(attempts -> view(one.get(0), attempts.getOrDefault(id, List.of())));
                });
    }

    private Uni<Map<Long, List<WebhookAttemptView>>> attemptsOf(List<Row> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Long[] ids = deliveries.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return pool.preparedQuery(ATTEMPTS).execute(Tuple.of(ids, config.attemptsShown())).map(rows -> {
            Map<Long, List<WebhookAttemptView>> byDelivery = new HashMap<>();
            for (Row row : rows) {
                byDelivery.computeIfAbsent(row.getLong("delivery_id"), k -> new ArrayList<>()).add(new WebhookAttemptView(
                        row.getOffsetDateTime("started_at"), row.getInteger("duration_ms"), row.getInteger("status_code"), row.getString("error"),
                        row.getBoolean("replay")));
            }
            return byDelivery;
        });
    }

    private static WebhookDeliveryView view(Row row, List<WebhookAttemptView> attempts) {
        String status = row.getString("status");
        boolean pending = WebhookDeliveryStatus.PENDING.name().equals(status);
        WebhookEventKind kind = WebhookEventKind.ofOutboxKind(row.getString("kind"));
        return new WebhookDeliveryView(row.getLong("id").toString(), row.getLong("endpoint_id").toString(), row.getLong("position").toString(),
                kind, row.getLong("subject_id").toString(), WebhookDeliveryStatus.valueOf(status), row.getInteger("attempts"),
                pending ? row.getOffsetDateTime("next_attempt_at") : null, row.getInteger("last_status_code"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("delivered_at"), attempts);
    }

    private static Long parseCursor(String after) {
        String key = Cursor.decode(CURSOR_KIND, after, "after");
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "after", "`after` is not a cursor of this list.");
        }
    }

    private static long parseDeliveryId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw deliveryNotFound(id);
        }
    }

    private static ApiException deliveryNotFound(String id) {
        return new ApiException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "No webhook delivery " + id + " in your organisation.", "id", List.of(), Map.of());
    }
}
