package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** What a feedback ticket is about (domain.md §8). */
@Description("What a feedback ticket (工单) is about.")
public enum TicketCategory {
    @Description("Something in the system does not work.")
    TECHNICAL_PROBLEM,
    @Description("An invoice is missing or wrong (what diagnoseInvoice's ticket draft proposes).")
    MISSING_INVOICE,
    @Description("Verifying an invoice fails or answers unexpectedly.")
    VERIFICATION_PROBLEM,
    @Description("A question about tax rules or policy.")
    POLICY_QUESTION,
    @Description("A complaint about a service or an organisation (投诉).")
    COMPLAINT,
    @Description("A suggestion for improvement (建议).")
    SUGGESTION,
    @Description("Anything else.")
    OTHER
}
