package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Input("TicketFilter")
@Description("Conditions tickets must all meet; absent ones do not filter.")
public record TicketFilter(
        @Description("Any of these statuses.") List<TicketStatus> status,
        @Description("Any of these levels.") List<TicketLevel> level,
        @Description("Any of these categories.") List<TicketCategory> category,
        @Id @Description("Assigned to this user.") String assigneeId,
        @Description("true: found late by the SLA watch; false: not (yet).") Boolean breached,
        @Description("Open, with a first response or resolution still due before this time.") OffsetDateTime dueBefore,
        @Description("Submitted on or after this day (Asia/Shanghai).") LocalDate submittedFrom,
        @Description("Submitted on or before this day (Asia/Shanghai).") LocalDate submittedTo) {
}
