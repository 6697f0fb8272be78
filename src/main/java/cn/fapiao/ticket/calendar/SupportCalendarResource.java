package cn.fapiao.ticket.calendar;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.api.SupportCalendarDay;
import cn.fapiao.ticket.api.SupportCalendarDayInput;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;
import java.util.List;

/** The feedback desk's holiday calendar: read by its agents and admins, kept by its admins, every change audited. */
@GraphQLApi
public class SupportCalendarResource {

    private final SupportCalendar calendar;
    private final CallerContext callers;
    private final AuditTrail audit;

    public SupportCalendarResource(SupportCalendar calendar, CallerContext callers, AuditTrail audit) {
        this.calendar = calendar;
        this.callers = callers;
        this.audit = audit;
    }

    @Query("supportCalendar")
    @Description("The days of one year that the feedback desk's SLA clocks count differently from the weekend-only default: holidays and make-up "
            + "working days, by date. Days not listed are working days Monday to Friday. Roles: SUPPORT_AGENT, ADMIN of the desk's organisation. "
            + "Errors: VALIDATION_FAILED, FORBIDDEN.")
    public Uni<@NonNull List<@NonNull SupportCalendarDay>> supportCalendar(@Name("year") @NonNull @Description("2000-2099.") int year) {
        return callers.current().chain(caller -> calendar.year(caller, year));
    }

    @Mutation("setSupportCalendarDay")
    @Description("Makes a day a holiday or a make-up working day of the feedback desk (replacing what the calendar said of it); SLA due times "
            + "computed from then on count it. Audited. Role: ADMIN of the desk's organisation. Errors: VALIDATION_FAILED, FORBIDDEN.")
    public Uni<@NonNull SupportCalendarDay> setSupportCalendarDay(@Name("input") @NonNull @Description("The day and what it is.") SupportCalendarDayInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "setSupportCalendarDay",
                (input.day() == null ? "" : input.day().toString()) + " " + input.kind(), address, () -> calendar.set(caller, input)));
    }

    @Mutation("removeSupportCalendarDay")
    @Description("Takes a day out of the feedback desk's calendar: it is an ordinary day again. Answers the entry removed. Audited. "
            + "Role: ADMIN of the desk's organisation. Errors: VALIDATION_FAILED, CALENDAR_DAY_NOT_FOUND, FORBIDDEN.")
    public Uni<@NonNull SupportCalendarDay> removeSupportCalendarDay(@Name("day") @NonNull LocalDate day) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "removeSupportCalendarDay", String.valueOf(day), address,
                () -> calendar.remove(caller, day)));
    }
}
