package cn.fapiao.diagnosis.api;

import cn.fapiao.domain.TicketCategory;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A feedback ticket prefilled with what was tried, for when nothing explains the missing invoice.")
public record TicketDraft(
        @NonNull @Description("What the ticket is about.") TicketCategory category,
        @NonNull String subject,
        @NonNull @Description("What the user typed and what the diagnosis found.") String description) {
}
