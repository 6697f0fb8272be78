package cn.fapiao.webhook;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery a worker holds while sending it ({@code claim} until its lease runs out), or one an
 * admin replays ({@code claim} null), with what sending it needs.
 */
public record ClaimedDelivery(long id, UUID claim, int attempt, long endpointId, long position, String kind, long subjectId,
                              JsonObject data, OffsetDateTime eventCreatedAt, String url, String sealedSecret) {
}
