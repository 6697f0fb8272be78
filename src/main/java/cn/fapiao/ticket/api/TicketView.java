package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Description("A feedback ticket as the caller may see it: submitters see public messages only; agents also see internal notes, history, contact and assignment.")
public record TicketView(
        @NonNull @Id String id,
        @NonNull String trackingNumber,
        @NonNull TicketStatus status,
        @NonNull TicketCategory category,
        @NonNull TicketLevel level,
        @Description("The level the desk proposed from category and content. Agents only.") TicketLevel proposedLevel,
        @NonNull String subject,
        @NonNull String description,
        @Description("The submitter's contact, decrypted. Agents only.") String contact,
        String invoiceReference,
        @NonNull List<@NonNull String> diagnosisFindings,
        @NonNull OffsetDateTime submittedAt,
        @NonNull @Description("When the first response is due (moves on while the ticket waits on the submitter).") OffsetDateTime firstResponseDue,
        @Description("When the resolution is due; none for levels without a resolution target.") OffsetDateTime resolutionDue,
        OffsetDateTime firstRespondedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        @Description("When the scheduler found it late. Agents only.") OffsetDateTime breachedAt,
        @Description("When it was escalated. Agents only.") OffsetDateTime escalatedAt,
        @Description("Username of the agent it is assigned to. Agents only.") String assignee,
        @Description("The team it is assigned to. Agents only.") String team,
        @Description("The submitter's rating, 1-5.") Integer rating,
        String ratingComment,
        @Description("A low rating reopened it for a lead's review. Agents only.") Boolean needsLeadReview,
        @Description("Tracking number of the ticket this one was merged into.") String mergedInto,
        @NonNull @Description("Messages, oldest first (the newest 200): public replies, and for agents internal notes.") List<@NonNull TicketMessageView> messages,
        @NonNull @Description("Attachments, oldest first.") List<@NonNull TicketAttachmentView> attachments,
        @NonNull @Description("Who changed what when (the newest 200). Agents only: empty for submitters.") List<@NonNull TicketHistoryView> history) {
}
