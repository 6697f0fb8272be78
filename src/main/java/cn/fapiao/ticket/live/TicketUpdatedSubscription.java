package cn.fapiao.ticket.live;

import cn.fapiao.domain.TicketStatus;
import cn.fapiao.event.EventFeed;
import cn.fapiao.event.EventIds;
import cn.fapiao.event.LiveFailures;
import cn.fapiao.event.OutboxEvent;
import cn.fapiao.event.SubscriptionLimits;
import cn.fapiao.security.Caller;
import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.reading.TicketAccess;
import cn.fapiao.ticket.reading.TicketViews;
import cn.fapiao.ticket.submission.SubmitterActions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** A feedback ticket's changes pushed over WebSocket to whoever may read the ticket. */
@GraphQLApi
public class TicketUpdatedSubscription {

    private final SubmitterActions actions;
    private final TicketAccess access;
    private final TicketViews views;
    private final CallerContext callers;
    private final EventFeed feed;
    private final SubscriptionLimits limits;
    private final Vertx vertx;

    public TicketUpdatedSubscription(SubmitterActions actions, TicketAccess access, TicketViews views, CallerContext callers,
                                     EventFeed feed, SubscriptionLimits limits, Vertx vertx) {
        this.vertx = vertx;
        this.actions = actions;
        this.access = access;
        this.views = views;
        this.callers = callers;
        this.feed = feed;
        this.limits = limits;
    }

    @Subscription("ticketUpdated")
    @Description("The changes of one feedback ticket as they are committed: for whoever may read it with `ticket` (its anonymous submitter with the access key, users of its organisation, the desk's agents). Submitters hear only what they see: replies, status and attachments, never internal notes. A merged ticket follows the ticket it was merged into. Errors: TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, RATE_LIMITED, RESUME_NOT_POSSIBLE, SUBSCRIPTION_LIMIT_REACHED, SUBSCRIBER_TOO_SLOW")
    public Multi<TicketUpdate> ticketUpdated(@Name("trackingNumber") @NonNull String trackingNumber,
                                             @Name("accessKey") @Description("The anonymous submitter's access key.") String accessKey,
                                             @Name("afterEventId") @Id @Description("Resume after this event: the events after it are sent first.") String afterEventId) {
        String address = callers.clientAddress();
        Long after = EventIds.parseAfter(afterEventId);
        // The first read is the `ticket` query's, with its checks and rate limit; it also names the ticket followed.
        return LiveFailures.coded(callers.current()
                .chain(caller -> actions.read(caller, address, trackingNumber, accessKey).map(view -> new Start(caller, Long.parseLong(view.id()))))
                .onItem().transformToMulti(start -> updates(start, trackingNumber, accessKey, after)), "ticketUpdated");
    }

    private record Start(Caller caller, long ticketId) {
    }

    private Multi<TicketUpdate> updates(Start start, String trackingNumber, String accessKey, Long after) {
        Runnable release = limits.acquire(start.caller());
        return feed.followSubject(TicketEvents.KIND, start.ticketId(), after, release)
                .onItem().transformToUniAndConcatenate(event -> onItsOwnContext(() -> toUpdate(start.caller(), trackingNumber, accessKey, event)));
    }

    /**
     * Events arrive on the feed's connection context; a Panache session needs a duplicated context
     * of its own (as a request has), one per read.
     */
    private Uni<TicketUpdate> onItsOwnContext(Supplier<Uni<TicketUpdate>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }

    /**
     * The update as the caller may see it now, read again with the same checks (a key that no
     * longer opens the ticket ends the subscription); nothing for a change the caller does not see.
     */
    private Uni<TicketUpdate> toUpdate(Caller caller, String trackingNumber, String accessKey, OutboxEvent event) {
        return Panache.withSession(() -> access.open(caller, trackingNumber, accessKey)
                .chain(opened -> {
                    if (!opened.agent() && !event.data().getBoolean("public", false)) {
                        return Uni.createFrom().<TicketUpdate>nullItem();
                    }
                    return views.view(opened.ticket(), opened.agent()).map(view -> {
                        String from = event.text("from");
                        return new TicketUpdate(String.valueOf(event.position()), event.text("change"),
                                from == null ? null : TicketStatus.valueOf(from), TicketStatus.valueOf(event.text("to")),
                                OffsetDateTime.parse(event.text("at")), view);
                    });
                }));
    }
}
