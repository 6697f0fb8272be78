package cn.fapiao.webhook;

import org.eclipse.microprofile.graphql.Description;

/** The events an endpoint can subscribe to, with the outbox kind each stands for. */
@Description("An event a webhook endpoint can receive.")
public enum WebhookEventKind {
    @Description("An invoice's status changed (its first status included): issued, voided, reversed, confirmed, flagged by the tax side, imported.")
    INVOICE_STATUS("invoice.status");

    private final String outboxKind;

    WebhookEventKind(String outboxKind) {
        this.outboxKind = outboxKind;
    }

    /** The kind as the outbox and the payload's {@code kind} name it. */
    public String outboxKind() {
        return outboxKind;
    }

    /** The kind of an outbox kind, or null for one no endpoint can subscribe to. */
    public static WebhookEventKind ofOutboxKind(String kind) {
        for (WebhookEventKind value : values()) {
            if (value.outboxKind.equals(kind)) {
                return value;
            }
        }
        return null;
    }
}
