package cn.fapiao.diagnosis.api;

import cn.fapiao.invoice.api.InvoiceView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("An invoice the caller's organisation can see that is probably the one meant, best first.")
public record NearMatch(
        @NonNull @Description("How the typed identity differs.") NearMatchKind kind,
        @Description("Where in the number (or code) the difference is, 1-based.") Integer position,
        @NonNull @Description("Fields that differ from what was typed, e.g. `number`, `code`, `issueDate`, `amount`, `seller`.") List<@NonNull String> differences,
        @NonNull InvoiceView invoice) {
}
