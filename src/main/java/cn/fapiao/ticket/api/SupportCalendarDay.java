package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Description("A day the feedback desk's SLA clocks count differently from the weekend-only default.")
public record SupportCalendarDay(
        @NonNull LocalDate day,
        @NonNull @Description("A holiday or a make-up working day.") SupportCalendarDayKind kind,
        @NonNull @Description("What it is for, e.g. 春节 or 国庆节调休.") String name) {
}
