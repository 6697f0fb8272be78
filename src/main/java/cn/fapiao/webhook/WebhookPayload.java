package cn.fapiao.webhook;

import io.vertx.core.json.JsonObject;

/**
 * The JSON body a partner receives: ids and statuses only, never party details (names, tax ids,
 * bank accounts); a partner that wants more asks the API with its own token. The event id is the
 * event's position: it grows in commit order across all events.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String body(ClaimedDelivery delivery) {
        JsonObject data = delivery.data() == null ? new JsonObject() : delivery.data();
        JsonObject body = new JsonObject().put("eventId", delivery.position()).put("kind", delivery.kind());
        if (WebhookEventKind.INVOICE_STATUS.outboxKind().equals(delivery.kind())) {
            body.put("invoice", new JsonObject()
                            .put("id", Long.toString(delivery.subjectId()))
                            .put("code", data.getValue("code"))
                            .put("number", data.getValue("number")))
                    .put("from", data.getValue("from"))
                    .put("to", data.getValue("to"))
                    .put("at", data.getValue("at"))
                    .put("by", data.getValue("by"));
        } else {
            body.put("subjectId", Long.toString(delivery.subjectId())).put("data", data);
        }
        return body.encode();
    }
}
