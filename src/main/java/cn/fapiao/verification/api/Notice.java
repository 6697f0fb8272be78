package cn.fapiao.verification.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A warning attached to a verification, e.g. that the matching invoice was voided.")
public record Notice(@NonNull @Description("Stable code, e.g. VOIDED, RED_FULL, LOST_CONTROL.") String code, @NonNull String message) {
}
