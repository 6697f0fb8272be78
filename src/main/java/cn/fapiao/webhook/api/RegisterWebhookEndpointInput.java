package cn.fapiao.webhook.api;

import cn.fapiao.webhook.WebhookEventKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("RegisterWebhookEndpointInput")
@Description("A new endpoint of the admin's own organisation.")
public record RegisterWebhookEndpointInput(
        @NonNull @Description("An https URL of a public address, at most 2000 characters, without user name or password.") String url,
        @NonNull @Description("At least one event.") List<@NonNull WebhookEventKind> eventKinds,
        @Description("What it is for, at most 200 characters.") String description) {
}
