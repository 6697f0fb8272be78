package cn.fapiao.ticket.submission;

import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.api.AddTicketAttachmentInput;
import cn.fapiao.ticket.api.AnswerTicketInput;
import cn.fapiao.ticket.api.RateTicketInput;
import cn.fapiao.ticket.api.SubmitFeedbackInput;
import cn.fapiao.ticket.api.SubmittedFeedback;
import cn.fapiao.ticket.api.TicketView;
import cn.fapiao.ticket.attachments.AttachmentContent;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The submitter's side of the feedback desk: submit, follow, answer, rate, attach. */
@GraphQLApi
public class FeedbackResource {

    private final FeedbackSubmission submission;
    private final SubmitterActions actions;
    private final CallerContext callers;

    public FeedbackResource(FeedbackSubmission submission, SubmitterActions actions, CallerContext callers) {
        this.submission = submission;
        this.actions = actions;
        this.callers = callers;
    }

    @Mutation("submitFeedback")
    @Description("Opens a feedback ticket; anyone may, logged in or not. Anonymous submitters get an access key (shown once) and are rate-limited per address. "
            + "Errors: VALIDATION_FAILED, RATE_LIMITED.")
    public Uni<@NonNull SubmittedFeedback> submitFeedback(@Name("input") @NonNull SubmitFeedbackInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> submission.submit(caller, address, input));
    }

    @Query("ticket")
    @Description("A ticket by tracking number: for its anonymous submitter with the access key, for users of its organisation without one, for the desk's agents whole. "
            + "A merged ticket answers the ticket it was merged into. Errors: TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, RATE_LIMITED.")
    public Uni<@NonNull TicketView> ticket(@Name("trackingNumber") @NonNull String trackingNumber,
                                           @Name("accessKey") @Description("The anonymous submitter's access key.") String accessKey) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> actions.read(caller, address, trackingNumber, accessKey));
    }

    @Query("ticketAttachment")
    @Description("One attachment of a ticket with its content (base64); who may see the ticket may see it. "
            + "Errors: TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, RATE_LIMITED.")
    public Uni<@NonNull AttachmentContent> ticketAttachment(@Name("trackingNumber") @NonNull String trackingNumber,
                                                            @Name("accessKey") String accessKey,
                                                            @Name("id") @NonNull @Id String id) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> actions.attachment(caller, address, trackingNumber, accessKey, id));
    }

    @Mutation("answerTicket")
    @Description("The submitter writes on their ticket: answers the desk's question (the SLA clock runs again) or reopens it within 7 days of resolution. "
            + "Errors: VALIDATION_FAILED, TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, TICKET_REOPEN_WINDOW_OVER, TICKET_TRANSITION_NOT_ALLOWED, RATE_LIMITED.")
    public Uni<@NonNull TicketView> answerTicket(@Name("input") @NonNull AnswerTicketInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> actions.answer(caller, address, input));
    }

    @Mutation("rateTicket")
    @Description("The submitter rates a resolved ticket once; a rating of 1 or 2 reopens it for the team lead's review. "
            + "Errors: VALIDATION_FAILED, TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, TICKET_RATING_NOT_ALLOWED, RATE_LIMITED.")
    public Uni<@NonNull TicketView> rateTicket(@Name("input") @NonNull RateTicketInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> actions.rate(caller, address, input));
    }

    @Mutation("addTicketAttachment")
    @Description("Attaches a PNG, JPEG or PDF file to an open ticket. "
            + "Errors: VALIDATION_FAILED, TRACKING_NUMBER_MALFORMED, TICKET_NOT_FOUND, ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TOO_LARGE, TICKET_TRANSITION_NOT_ALLOWED, RATE_LIMITED.")
    public Uni<@NonNull TicketView> addTicketAttachment(@Name("input") @NonNull AddTicketAttachmentInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> actions.attach(caller, address, input));
    }
}
