package cn.fapiao.verification.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Description("One recorded verification attempt of an invoice.")
public record VerificationAttempt(
        @NonNull OffsetDateTime occurredAt,
        @Description("Who verified (username; from another organisation too: anyone holding the invoice may verify it).") String username,
        @NonNull VerificationOutcome outcome,
        @Description("The issue date that was given.") LocalDate issueDate,
        @Description("Which extra field was given (its value is not kept).") String extraField,
        @Description("For MISMATCH: the fields that differed, comma-separated.") String mismatchedFields) {
}
