package cn.fapiao.ticket.statistics;

import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.api.SupportPeriod;
import cn.fapiao.ticket.api.SupportStatistics;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class SupportStatisticsResource {

    private final SupportStatisticsService statistics;
    private final CallerContext callers;

    public SupportStatisticsResource(SupportStatisticsService statistics, CallerContext callers) {
        this.statistics = statistics;
        this.callers = callers;
    }

    @Query("supportStatistics")
    @Description("The desk's figures for the tickets submitted in a period: counts by status and category and level, SLA compliance, median response and resolution times, "
            + "average rating, deflection by suggested articles. Role: SUPPORT_AGENT of the desk. Errors: VALIDATION_FAILED, FORBIDDEN.")
    public Uni<@NonNull SupportStatistics> supportStatistics(@Name("period") @NonNull SupportPeriod period) {
        return callers.current().chain(caller -> statistics.statistics(caller, period));
    }
}
