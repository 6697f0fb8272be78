package cn.fapiao.event;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One committed event from the outbox (see V22__event_outbox.sql). {@code position} is its place
 * in commit order and the event id clients see; {@code organisationIds} are the organisations that
 * may see it; {@code data} holds ids and statuses only.
 */
public record OutboxEvent(long position, String kind, long subjectId, Set<Long> organisationIds,
                          JsonObject data, OffsetDateTime createdAt) {

    public static final String INVOICE_STATUS = "invoice.status";

    public boolean visibleTo(Long organisationId) {
        return organisationId != null && organisationIds.contains(organisationId);
    }

    public String text(String field) {
        return data.getString(field);
    }
}
