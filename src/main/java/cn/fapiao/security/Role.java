package cn.fapiao.security;

import org.eclipse.microprofile.graphql.Description;

/** What a user may do for their organisation. A user may hold several roles. */
@Description("A user's role within their organisation.")
public enum Role {
    @Description("Issues, voids and red-reverses invoices for the organisation.")
    ISSUER,
    @Description("Reads invoices, runs reports, confirms received invoices.")
    ACCOUNTANT,
    @Description("Reads everything of the organisation, including the audit log; changes nothing.")
    AUDITOR,
    @Description("Works the feedback desk.")
    SUPPORT_AGENT,
    @Description("A partner system: imports and verifies invoices.")
    PARTNER,
    @Description("Manages the organisation's users; reads the audit log.")
    ADMIN
}
