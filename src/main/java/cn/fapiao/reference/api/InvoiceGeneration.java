package cn.fapiao.reference.api;

import org.eclipse.microprofile.graphql.Description;

@Description("The two generations of invoice identity.")
public enum InvoiceGeneration {
    @Description("Fully digital invoice (数电票): a 20-digit number alone, no code.")
    DIGITAL,
    @Description("Legacy invoice: an 8-digit number, unique only together with its 10- or 12-digit code.")
    LEGACY,
    @Description("Neither shape.")
    UNKNOWN
}
