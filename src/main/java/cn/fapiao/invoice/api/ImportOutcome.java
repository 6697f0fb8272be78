package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to one imported invoice.")
public enum ImportOutcome {
    @Description("Stored as a new invoice.")
    CREATED,
    @Description("The same invoice (same identity and content) was already stored; nothing changed.")
    DUPLICATE,
    @Description("A synchronised batch (synchronised: true) moved the stored invoice's status forward (voided, reversed, flagged by the tax side); the change is in its status history.")
    UPDATED,
    @Description("Your organisation holds an invoice with this identity with different content, or a synchronised status that would move it backwards; it was not overwritten (see differingFields, and problems for why).")
    CONFLICT,
    @Description("Not stored: the row breaks a rule (see problems).")
    REJECTED
}
