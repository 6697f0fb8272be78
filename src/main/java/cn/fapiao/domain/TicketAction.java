package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** The moves of the ticket workflow ({@link TicketWorkflow#next}). */
@Description("A move of the ticket workflow.")
public enum TicketAction {
    @Description("An agent confirms the ticket was seen: NEW to ACKNOWLEDGED.")
    ACKNOWLEDGE,
    @Description("An agent starts working: NEW or ACKNOWLEDGED to IN_PROGRESS.")
    START_WORK,
    @Description("An agent needs information from the submitter: ACKNOWLEDGED or IN_PROGRESS to WAITING_ON_SUBMITTER (the SLA clock pauses).")
    ASK_SUBMITTER,
    @Description("The submitter answered: WAITING_ON_SUBMITTER to IN_PROGRESS (the SLA clock runs again).")
    SUBMITTER_ANSWERED,
    @Description("An agent resolves the ticket: ACKNOWLEDGED, IN_PROGRESS or WAITING_ON_SUBMITTER to RESOLVED.")
    RESOLVE,
    @Description("RESOLVED to CLOSED (by an agent, or by itself 7 days after resolution).")
    CLOSE,
    @Description("RESOLVED or CLOSED to IN_PROGRESS, within 7 days of the resolution.")
    REOPEN,
    @Description("Any open or resolved ticket to MERGED into another ticket.")
    MERGE
}
