package cn.fapiao.invoice.live;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.event.EventFeed;
import cn.fapiao.event.EventIds;
import cn.fapiao.event.LiveFailures;
import cn.fapiao.event.OutboxEvent;
import cn.fapiao.event.SubscriptionLimits;
import cn.fapiao.invoice.InvoiceDetails;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.security.Caller;
import cn.fapiao.security.CallerContext;
import cn.fapiao.security.session.SessionGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** Invoice status changes pushed over WebSocket as they are committed, on any replica. */
@GraphQLApi
public class InvoiceStatusSubscription {

    private final InvoiceService invoices;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final EventFeed feed;
    private final SubscriptionLimits limits;
    private final SessionGuard sessions;
    private final Timer lag;

    public InvoiceStatusSubscription(InvoiceService invoices, InvoiceDetails details, CallerContext callers, EventFeed feed,
                                     SubscriptionLimits limits, SessionGuard sessions, MeterRegistry metrics) {
        this.invoices = invoices;
        this.sessions = sessions;
        this.details = details;
        this.callers = callers;
        this.feed = feed;
        this.limits = limits;
        this.lag = Timer.builder("fapiao.events.delivery.lag")
                .description("From an event's commit to its hand-over to a subscriber's WebSocket")
                .publishPercentileHistogram().register(metrics);
    }

    @Subscription("invoiceStatusChanged")
    @Description("Status changes of the invoices the caller's organisation issued or received, as they are committed (over WebSocket: graphql-transport-ws or graphql-ws). Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN. Pass the last `eventId` seen as `afterEventId` to first receive what was missed while disconnected (events are kept for `fapiao.events.retention`, 3 days by default, at most 1000 replayed). Errors: INVOICE_NOT_FOUND, RESUME_NOT_POSSIBLE, SUBSCRIPTION_LIMIT_REACHED, SUBSCRIBER_TOO_SLOW")
    public Multi<InvoiceStatusEvent> invoiceStatusChanged(
            @Name("filter") @Description("Only changes of these invoices (by code and number); every invoice of the organisation when omitted.") InvoiceStatusFilter filter,
            @Name("afterEventId") @Id @Description("Resume after this event: the events after it are sent first.") String afterEventId) {
        boolean withDetails = details.selected("invoice/");
        InvoiceStatusFilter wanted = filter == null ? new InvoiceStatusFilter(null, null, null, null, null) : filter;
        Long after = EventIds.parseAfter(afterEventId);
        return LiveFailures.coded(callers.current()
                .chain(caller -> target(caller, wanted).map(invoiceId -> new Start(caller, invoiceId)))
                .onItem().transformToMulti(start -> events(start, wanted, after, withDetails)), "invoiceStatusChanged");
    }

    private record Start(Caller caller, Long invoiceId) {
    }

    /** The one invoice asked for, checked as a lookup would (another organisation's is "not found"); null for all. */
    private Uni<Long> target(Caller caller, InvoiceStatusFilter filter) {
        if (filter.invoiceId() != null) {
            return invoices.byId(caller, filter.invoiceId(), false).map(found -> Long.valueOf(found.view().id()));
        }
        if (filter.number() != null) {
            return invoices.byNumber(caller, filter.code(), filter.number(), false).map(found -> Long.valueOf(found.view().id()));
        }
        caller.require(InvoiceService.READERS);
        return Uni.createFrom().nullItem();
    }

    private Multi<InvoiceStatusEvent> events(Start start, InvoiceStatusFilter filter, Long after, boolean withDetails) {
        Caller caller = start.caller();
        Runnable release = limits.acquire(caller);
        return feed.followOrganisation(caller.organisationId(), OutboxEvent.INVOICE_STATUS, after, release)
                .select().where(event -> wanted(event, start.invoiceId(), filter))
                // A logout or a disabled user ends the subscription at its next event, not only when the token expires.
                .onItem().transformToUniAndConcatenate(event -> stillLoggedIn(caller).chain(() -> toEvent(caller, event, filter, withDetails)));
    }

    private Uni<Caller> stillLoggedIn(Caller caller) {
        return caller.sessionId() == null ? Uni.createFrom().item(caller) : sessions.check(caller);
    }

    private static boolean wanted(OutboxEvent event, Long invoiceId, InvoiceStatusFilter filter) {
        if (!OutboxEvent.INVOICE_STATUS.equals(event.kind())) {
            return false;
        }
        if (invoiceId != null && event.subjectId() != invoiceId) {
            return false;
        }
        List<InvoiceStatus> statuses = filter.status();
        return statuses == null || statuses.isEmpty() || statuses.contains(InvoiceStatus.valueOf(event.text("to")));
    }

    /** The event with the invoice as the caller would read it now; nothing when the caller no longer may. */
    private Uni<InvoiceStatusEvent> toEvent(Caller caller, OutboxEvent event, InvoiceStatusFilter filter, boolean withDetails) {
        return invoices.byId(caller, String.valueOf(event.subjectId()), withDetails)
                .chain(found -> {
                    InvoiceFilter.Role role = found.sellerOrganisationId() != null && found.sellerOrganisationId().equals(caller.organisationId())
                            ? InvoiceFilter.Role.SELLER : InvoiceFilter.Role.BUYER;
                    if (filter.role() != null && filter.role() != role) {
                        return Uni.createFrom().<InvoiceStatusEvent>nullItem();
                    }
                    return details.attach(found.view(), withDetails).map(view -> {
                        lag.record(Duration.between(event.createdAt().toInstant(), java.time.Instant.now()));
                        String from = event.text("from");
                        return new InvoiceStatusEvent(String.valueOf(event.position()), view,
                                from == null ? null : InvoiceStatus.valueOf(from), InvoiceStatus.valueOf(event.text("to")),
                                OffsetDateTime.parse(event.text("at")), event.text("by"), role);
                    });
                })
                .onFailure(ApiException.class).recoverWithNull();
    }
}
