package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MergeTicketInput")
@Description("Merges a duplicate into another ticket of the same organisation (or both anonymous); the duplicate's tracking number and access key lead to the survivor.")
public record MergeTicketInput(
        @NonNull @Id @Description("The duplicate.") String id,
        @NonNull @Id @Description("The ticket that survives.") String intoId) {
}
