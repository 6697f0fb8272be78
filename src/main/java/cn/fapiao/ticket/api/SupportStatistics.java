package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

@Description("The desk's figures for the tickets submitted in a period.")
public record SupportStatistics(
        @NonNull LocalDate from,
        @NonNull LocalDate to,
        @NonNull int tickets,
        @NonNull @Description("Tickets per status (only those with any).") List<@NonNull CountByKey> byStatus,
        @NonNull List<@NonNull CountByKey> byCategory,
        @NonNull List<@NonNull CountByKey> byLevel,
        @Description("Of the tickets answered or due by now: the share whose first response came in time and whose resolution (where one is due) came in time or is not due yet, in %. Null when none.") Double slaCompliancePercent,
        @Description("Median time to the first public reply, in minutes.") Double medianFirstResponseMinutes,
        @Description("Median time to resolution, in hours (time waiting on the submitter included).") Double medianResolutionHours,
        @Description("Average rating, 1-5; null when none rated.") Double averageRating,
        @NonNull int ratedTickets,
        @NonNull @Description("suggestArticles answers that showed articles in the period.") int suggestionsShown,
        @Description("Of those, the share not followed by a ticket, in %. Null when none were shown.") Double deflectionRatePercent) {
}
