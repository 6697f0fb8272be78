package cn.fapiao.webhook.api;

import cn.fapiao.webhook.WebhookEventKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("UpdateWebhookEndpointInput")
@Description("Changes to an endpoint of the admin's own organisation; omitted fields stay as they are.")
public record UpdateWebhookEndpointInput(
        @Id @NonNull String id,
        @Description("A new https URL; deliveries still waiting go to it.") String url,
        @Description("The complete new set of events.") List<WebhookEventKind> eventKinds,
        String description,
        @Description("False disables the endpoint: it receives nothing until enabled again.") Boolean active) {
}
