package cn.fapiao.invoice.api;

import cn.fapiao.domain.InvoiceStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("InvoiceStatusChange")
@Description("One step of an invoice's life cycle: from which status to which, when, by whom and why.")
public record StatusChangeView(
        @Description("The status before; null for the first entry (the invoice's issue or import).") InvoiceStatus fromStatus,
        @NonNull @Description("The status the invoice took.") InvoiceStatus toStatus,
        @NonNull OffsetDateTime changedAt,
        @NonNull @Description("Who made the change: a username, or the system that synchronised it.") String changedBy,
        @Description("Why, as given by whoever changed it (a void's or a tax status's reason); null when none was asked.") String reason) {
}
