package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;

@Description("What invoice statistics can be grouped by; any combination.")
public enum StatisticsGrouping {
    @Description("The invoice's status.")
    STATUS,
    @Description("The invoice's two-digit type code.")
    TYPE,
    @Description("The VAT rate of the invoice's lines: amounts are then the lines' (an invoice with lines at two rates counts once in each).")
    TAX_RATE,
    @Description("The seller's tax ID.")
    SELLER,
    @Description("The buyer's tax ID (none for buyers without one).")
    BUYER,
    @Description("The month of issue (Asia/Shanghai).")
    MONTH,
    @Description("Blue or red.")
    DIRECTION,
    @Description("Where the record came from.")
    SOURCE,
    @Description("Whether the caller's organisation sold or bought.")
    ROLE
}
