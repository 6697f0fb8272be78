package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to one imported invoice.")
public enum ImportOutcome {
    @Description("Stored as a new invoice.")
    CREATED,
    @Description("The same invoice (same identity and content) was already stored; nothing changed.")
    DUPLICATE,
    @Description("An invoice with this identity is stored with different content; it was not overwritten (see differingFields).")
    CONFLICT,
    @Description("Not stored: the row breaks a rule (see problems).")
    REJECTED
}
