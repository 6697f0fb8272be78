package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;

@Description("A figure of the VAT summary whose invoices can be listed.")
public enum VatFigure {
    @Description("outputTax (with `taxRate`: one line of outputTaxByRate).")
    OUTPUT_TAX,
    @Description("outputTaxSpecial.")
    OUTPUT_TAX_SPECIAL,
    @Description("outputTaxOther.")
    OUTPUT_TAX_OTHER,
    @Description("inputTax.")
    INPUT_TAX,
    @Description("transferredOut (both kinds).")
    TRANSFERRED_OUT
}
