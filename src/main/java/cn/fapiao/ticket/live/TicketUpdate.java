package cn.fapiao.ticket.live;

import cn.fapiao.domain.TicketStatus;
import cn.fapiao.ticket.api.TicketView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("TicketUpdate")
@Description("A feedback ticket changed: a reply, a status, an attachment (for the desk's agents also notes, assignment and level).")
public record TicketUpdate(
        @Id @NonNull @Description("Increases with every event in commit order; pass the last one seen as `afterEventId` to resume.") String eventId,
        @NonNull @Description("What happened, e.g. `created`, `status`, `reply`, `attachment`.") String change,
        @Description("The status before the change, when the status moved.") TicketStatus fromStatus,
        @NonNull @Description("The ticket's status after the change.") TicketStatus toStatus,
        @NonNull @Description("When the change was made.") OffsetDateTime changedAt,
        @NonNull @Description("The ticket as the subscriber sees it now (the same type the `ticket` query returns).") TicketView ticket) {
}
