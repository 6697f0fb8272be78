package cn.fapiao.verification.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A party of a verified invoice as the national platform shows it: name and taxpayer ID, nothing else.")
public record PublicParty(
        @Description("Taxpayer ID (纳税人识别号); null for a buyer without one (e.g. a private person).") String taxId,
        @NonNull @Description("Name as printed on the invoice.") String name) {
}
