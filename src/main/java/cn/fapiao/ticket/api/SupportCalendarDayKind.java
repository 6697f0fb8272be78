package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;

@Description("What a day of the feedback desk's calendar is, against the weekend-only default.")
public enum SupportCalendarDayKind {
    @Description("A day off although it may be a weekday: a public holiday.")
    HOLIDAY,
    @Description("A Saturday or Sunday worked to bridge a holiday (调休).")
    MAKE_UP_WORKING_DAY
}
