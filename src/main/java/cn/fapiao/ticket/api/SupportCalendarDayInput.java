package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("SupportCalendarDayInput")
@Description("A day of the feedback desk's calendar: a holiday or a make-up working day (a Saturday or Sunday), years 2000-2099. Name up to 100 characters.")
public record SupportCalendarDayInput(
        @NonNull LocalDate day,
        @NonNull @Description("HOLIDAY or MAKE_UP_WORKING_DAY (a Saturday or Sunday only).") SupportCalendarDayKind kind,
        @NonNull @Description("What it is for, e.g. 春节 or 国庆节调休.") String name) {
}
