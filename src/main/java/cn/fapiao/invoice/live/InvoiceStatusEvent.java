package cn.fapiao.invoice.live;

import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.invoice.api.InvoiceView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("InvoiceStatusEvent")
@Description("An invoice changed status (its first status, ISSUED or imported, included).")
public record InvoiceStatusEvent(
        @Id @NonNull @Description("Increases with every event in commit order across all replicas. Pass the last one seen as `afterEventId` when subscribing again to receive what was missed.") String eventId,
        @NonNull @Description("The invoice as it is when the event is sent: the same type as queries return, so fragments can be reused.") InvoiceView invoice,
        @Description("The status before the change; null for the invoice's first status.") InvoiceStatus fromStatus,
        @NonNull @Description("The status after the change.") InvoiceStatus toStatus,
        @NonNull @Description("When the change was made.") OffsetDateTime changedAt,
        @NonNull @Description("Who made the change (a username, or the system that synchronised it).") String changedBy,
        @NonNull @Description("The part the caller's organisation plays on the invoice.") InvoiceFilter.Role role) {
}
