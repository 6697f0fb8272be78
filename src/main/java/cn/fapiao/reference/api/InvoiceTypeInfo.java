package cn.fapiao.reference.api;

import cn.fapiao.domain.InvoiceType;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An invoice type (发票种类) by its national two-digit code.")
public record InvoiceTypeInfo(
        @NonNull @Description("Two-digit type code, e.g. `01` special VAT, `04` ordinary, `10` electronic ordinary, `99` unknown.") String code,
        @NonNull @Description("English description.") String description,
        @NonNull @Description("Chinese name, e.g. `增值税普通发票`.") String chineseName) {

    public static InvoiceTypeInfo of(InvoiceType type) {
        return type == null ? null : new InvoiceTypeInfo(type.code(), type.description(), type.chineseName());
    }
}
