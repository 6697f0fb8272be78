package cn.fapiao.webhook.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A page of the webhook delivery log, newest first.")
public record WebhookDeliveryConnection(@NonNull List<@NonNull WebhookDeliveryEdge> edges, @NonNull PageInfo pageInfo) {
}
