package cn.fapiao.reference.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("What a legacy invoice code (发票代码, 10 or 12 digits) says. A bad code is not an error: `valid` is false and `problems` says why.")
public record InvoiceCodeInfo(
        @Description("The code as read (spaces removed).") String code,
        @NonNull @Description("True when the code is well formed and its region is known.") boolean valid,
        @NonNull @Description("Everything wrong with the code; empty when valid.") List<@NonNull FieldProblem> problems,
        @Description("Invoice type read from the code.") InvoiceTypeInfo type,
        @Description("The four region digits as written, e.g. `1101`.") String rawRegion,
        @Description("The region whose tax system holds the invoice (planned cities keep their own code; other codes map to their province, e.g. 1101 → 1100 Beijing).") RegionInfo region,
        @Description("Year of the print run (not the issue date).") Integer printYear,
        @Description("Batch digits.") String batch,
        @Description("Kind digits the type is read from.") String kind) {
}
