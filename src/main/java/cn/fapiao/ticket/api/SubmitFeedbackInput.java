package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("SubmitFeedbackInput")
@Description("A new feedback ticket. Subject up to 200 characters, description up to 10000, contact up to 200.")
public record SubmitFeedbackInput(
        @NonNull TicketCategory category,
        @NonNull String subject,
        @NonNull String description,
        @Description("How to reach the submitter (phone, e-mail); stored encrypted, shown to the desk's agents only.") String contact,
        @Description("The invoice concerned: its number, or code and number.") String invoiceReference,
        @Description("The finding codes of the diagnoseInvoice run that preceded the ticket (its ticketDraft), at most 30.") List<String> diagnosisFindings,
        @Description("The suggestionId of the suggestArticles answer the submitter saw before submitting.") String suggestionId) {
}
