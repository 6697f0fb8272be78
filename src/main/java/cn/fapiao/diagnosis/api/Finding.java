package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One thing the diagnosis found, with a plain-language explanation in Chinese and English and what to do next.")
public record Finding(
        @NonNull @Description("Stable code, e.g. MALFORMED_NUMBER, OTHER_REGION, FOUND_VOIDED, NEAR_MATCHES, TOO_NEW, TOO_OLD, NOT_ADDRESSED_TO_YOU, NO_EXPLANATION.") String code,
        @NonNull @Description("How much it matters.") FindingSeverity severity,
        @Description("The input field concerned, if any.") String field,
        @NonNull String messageZh,
        @NonNull String messageEn,
        @NonNull String nextStepZh,
        @NonNull String nextStepEn) {
}
