package cn.fapiao.reference.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("What an invoice number (发票号码) says: a 20-digit fully digital number decodes into year, issuing province, channel and sequence; an 8-digit number is a legacy number that needs its code.")
public record InvoiceNumberInfo(
        @Description("The number as read (spaces removed).") String number,
        @NonNull @Description("Which generation the number has the shape of.") InvoiceGeneration generation,
        @NonNull @Description("True when the number is well formed.") boolean valid,
        @NonNull @Description("Everything wrong with the number; empty when valid.") List<@NonNull FieldProblem> problems,
        @Description("Issue year of a digital invoice (digits 1-2).") Integer year,
        @Description("Region of the issuer's tax bureau (digits 3-4), whose system holds the invoice.") RegionInfo region,
        @Description("Issuance channel (digit 5).") String channel,
        @Description("Sequence within year and province (digits 6-20).") String sequence) {
}
