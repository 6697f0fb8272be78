package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("Why an invoice cannot be found, as far as the system can tell.")
public record Diagnosis(
        @NonNull @Description("Everything found, most important first.") List<@NonNull Finding> findings,
        @NonNull @Description("Invoices probably meant (only ones the caller's organisation may see), best first.") List<@NonNull NearMatch> nearMatches,
        @Description("When nothing explains it: a ticket to open, prefilled.") TicketDraft ticketDraft) {
}
