package cn.fapiao.invoice.api;

import cn.fapiao.domain.InvoiceStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("InvoiceStatusChange")
@Description("One step of an invoice's life cycle: from which status to which, when, by whom and why.")
public record StatusChangeView(
        InvoiceStatus fromStatus,
        @NonNull InvoiceStatus toStatus,
        @NonNull OffsetDateTime changedAt,
        @NonNull String changedBy,
        String reason) {
}
