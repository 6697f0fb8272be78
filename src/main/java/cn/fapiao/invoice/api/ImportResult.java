package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The answer to an import batch: counts per outcome and one result per row, in input order.")
public record ImportResult(
        @NonNull @Description("True when this is the stored answer of an earlier call with the same idempotency key; nothing was changed this time.") Boolean replayed,
        @NonNull Integer created,
        @NonNull Integer duplicates,
        @NonNull @Description("Rows of a synchronised batch whose status change was applied (UPDATED).") Integer updated,
        @NonNull Integer conflicts,
        @NonNull Integer rejected,
        @NonNull List<@NonNull ImportRowResult> rows) {
}
