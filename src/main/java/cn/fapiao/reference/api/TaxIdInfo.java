package cn.fapiao.reference.api;

import cn.fapiao.domain.TaxIdKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The check of a taxpayer ID (纳税人识别号): an 18-character Unified Social Credit Code with its checksum, or an older 15/17/20-character ID accepted as legacy.")
public record TaxIdInfo(
        @Description("The ID as checked (spaces removed, upper case).") String taxId,
        @NonNull @Description("USCC, LEGACY or INVALID, by shape.") TaxIdKind kind,
        @NonNull @Description("True when the ID is acceptable.") boolean valid,
        @NonNull @Description("Everything wrong with the ID; empty when valid.") List<@NonNull FieldProblem> problems,
        @Description("USCC position 1: the registration authority.") String registrationAuthority,
        @Description("USCC position 2: the organisation type.") String organisationType,
        @Description("Six-digit administrative division the taxpayer registered in.") String divisionCode,
        @Description("Tax region of that division.") RegionInfo region,
        @Description("When the checksum fails: the check character the first 17 characters call for.") String expectedCheckCharacter) {
}
