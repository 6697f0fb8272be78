package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** Where a feedback ticket stands in its workflow ({@link TicketWorkflow}). */
@Description("Where a feedback ticket stands: NEW, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_SUBMITTER (its SLA clock paused), RESOLVED, CLOSED, or MERGED into another ticket.")
public enum TicketStatus {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    WAITING_ON_SUBMITTER,
    RESOLVED,
    CLOSED,
    MERGED;

    /** Still being worked: its SLA clocks run (or are paused) and the scheduler watches it. */
    public boolean isOpen() {
        return this == NEW || this == ACKNOWLEDGED || this == IN_PROGRESS || this == WAITING_ON_SUBMITTER;
    }
}
