package cn.fapiao.diagnosis.api;

import cn.fapiao.invoice.api.InvoiceView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.List;

@Description("Why an invoice cannot be found, as far as the system can tell.")
public record Diagnosis(
        @NonNull @Description("Everything found, most important first.") List<@NonNull Finding> findings,
        @NonNull @Description("Invoices probably meant (only ones the caller's organisation may see), best first.") List<@NonNull NearMatch> nearMatches,
        @Description("When nothing explains it: a ticket to open, prefilled.") TicketDraft ticketDraft) {

    /** The same diagnosis with these invoices in its near matches (the same ones, in order, with more detail). */
    public Diagnosis withNearMatchInvoices(List<InvoiceView> invoices) {
        List<NearMatch> matches = new ArrayList<>();
        for (int i = 0; i < nearMatches.size(); i++) {
            NearMatch match = nearMatches.get(i);
            matches.add(new NearMatch(match.kind(), match.position(), match.differences(), invoices.get(i)));
        }
        return new Diagnosis(findings, matches, ticketDraft);
    }
}
