package cn.fapiao.webhook;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.security.CallerContext;
import cn.fapiao.webhook.api.RegisterWebhookEndpointInput;
import cn.fapiao.webhook.api.RegisteredWebhookEndpoint;
import cn.fapiao.webhook.api.UpdateWebhookEndpointInput;
import cn.fapiao.webhook.api.WebhookDeliveryConnection;
import cn.fapiao.webhook.api.WebhookDeliveryStatus;
import cn.fapiao.webhook.api.WebhookDeliveryView;
import cn.fapiao.webhook.api.WebhookEndpointView;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** Partner webhooks, for the organisation's admins: endpoints, the delivery log, replays. */
@GraphQLApi
public class WebhookResource {

    private final WebhookEndpointService endpoints;
    private final DeliveryLogService log;
    private final CallerContext callers;
    private final AuditTrail audit;

    public WebhookResource(WebhookEndpointService endpoints, DeliveryLogService log, CallerContext callers, AuditTrail audit) {
        this.endpoints = endpoints;
        this.log = log;
        this.callers = callers;
        this.audit = audit;
    }

    @Query("webhookEndpoints")
    @Description("The webhook endpoints of the caller's organisation; their secrets are never shown here. Role: ADMIN.")
    public Uni<@NonNull List<@NonNull WebhookEndpointView>> webhookEndpoints() {
        return callers.current().chain(endpoints::list);
    }

    @Mutation("registerWebhookEndpoint")
    @Description("Registers an endpoint that receives the organisation's events as signed HTTPS POSTs; the answer holds its signing secret, shown this once. "
            + "Role: ADMIN. Errors: VALIDATION_FAILED, WEBHOOK_ADDRESS_NOT_ALLOWED, WEBHOOK_ENDPOINT_LIMIT_REACHED.")
    public Uni<@NonNull RegisteredWebhookEndpoint> registerWebhookEndpoint(@Name("input") @NonNull RegisterWebhookEndpointInput input) {
        String address = callers.clientAddress();
        // The audit names the host only: a URL's path or query may carry the partner's own token.
        EndpointUrl url = EndpointUrl.parse(input.url(), true, "url").url();
        String target = url == null ? null : url.host();
        return callers.current().chain(caller -> audit.track(caller, "registerWebhookEndpoint", target, address,
                () -> endpoints.register(caller, input)));
    }

    @Mutation("updateWebhookEndpoint")
    @Description("Changes the URL, events, description or active flag of an endpoint of the caller's organisation; active false disables it. "
            + "Role: ADMIN. Errors: VALIDATION_FAILED, WEBHOOK_ENDPOINT_NOT_FOUND, WEBHOOK_ADDRESS_NOT_ALLOWED.")
    public Uni<@NonNull WebhookEndpointView> updateWebhookEndpoint(@Name("input") @NonNull UpdateWebhookEndpointInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "updateWebhookEndpoint", input.id(), address,
                () -> endpoints.update(caller, input)));
    }

    @Mutation("rotateWebhookSecret")
    @Description("Gives an endpoint a new signing secret, shown this once; deliveries are signed with it from now on and the old one stops at once. "
            + "Role: ADMIN. Errors: WEBHOOK_ENDPOINT_NOT_FOUND.")
    public Uni<@NonNull RegisteredWebhookEndpoint> rotateWebhookSecret(@Name("id") @NonNull @Id String id) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "rotateWebhookSecret", id, address,
                () -> endpoints.rotateSecret(caller, id)));
    }

    @Mutation("deleteWebhookEndpoint")
    @Description("Deletes an endpoint of the caller's organisation with its deliveries and their log; answers the endpoint as it was. "
            + "Role: ADMIN. Errors: WEBHOOK_ENDPOINT_NOT_FOUND.")
    public Uni<@NonNull WebhookEndpointView> deleteWebhookEndpoint(@Name("id") @NonNull @Id String id) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "deleteWebhookEndpoint", id, address,
                () -> endpoints.delete(caller, id)));
    }

    @Query("webhookDeliveries")
    @Description("The webhook delivery log of the caller's organisation, newest first, each delivery with its newest attempts. Role: ADMIN. "
            + "Errors: VALIDATION_FAILED, WEBHOOK_ENDPOINT_NOT_FOUND.")
    public Uni<@NonNull WebhookDeliveryConnection> webhookDeliveries(
            @Name("endpointId") @Id @Description("Only deliveries to this endpoint.") String endpointId,
            @Name("status") @Description("Only deliveries in this state.") WebhookDeliveryStatus status,
            @Name("first") @Description("Page size, 1-200, default 50.") Integer first,
            @Name("after") @Description("Cursor of the last entry of the previous page.") String after) {
        return callers.current().chain(caller -> log.page(caller, endpointId, status, first, after));
    }

    @Mutation("replayWebhookDelivery")
    @Description("Sends a DELIVERED or FAILED delivery again now, as a new attempt with the same Fapiao-Delivery id; a FAILED one that gets a 2xx answer becomes DELIVERED. "
            + "Role: ADMIN. Errors: WEBHOOK_DELIVERY_NOT_FOUND, WEBHOOK_REPLAY_NOT_ALLOWED.")
    public Uni<@NonNull WebhookDeliveryView> replayWebhookDelivery(@Name("id") @NonNull @Id String id) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "replayWebhookDelivery", id, address,
                () -> log.replay(caller, id)));
    }
}
