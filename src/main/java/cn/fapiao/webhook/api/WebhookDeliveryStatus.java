package cn.fapiao.webhook.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a webhook delivery stands.")
public enum WebhookDeliveryStatus {
    @Description("Not yet answered with a 2xx status: waiting for its first attempt, its next retry, or an earlier event of the same invoice.")
    PENDING,
    @Description("The endpoint answered with a 2xx status.")
    DELIVERED,
    @Description("Given up after failing for the retry period (24 hours by default); replayWebhookDelivery sends it again.")
    FAILED
}
