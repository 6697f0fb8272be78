package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** How fast a ticket must be answered; targets are configured (fapiao.support.sla.*). */
@Description("Response level: URGENT (system down or many users affected, first response within 15 minutes), NORMAL (first response within 24 hours), COMPLEX (a specialist team: first response within 24 hours, resolution within 5 working days). Targets are configurable.")
public enum TicketLevel {
    NORMAL,
    COMPLEX,
    URGENT;

    /** The level an escalation raises a ticket to: anything late becomes URGENT. */
    public TicketLevel raised() {
        return URGENT;
    }
}
