package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;

@Description("What a feedback ticket (工单) is about.")
public enum TicketCategory {
    @Description("An invoice that cannot be found (发票查不到).")
    MISSING_INVOICE
}
