package cn.fapiao.audit.api;

import cn.fapiao.audit.AuditTrail;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("One audit log entry: a login or a mutation, who did it, on what, and how it ended.")
public record AuditEntry(
        @Id @NonNull String id,
        @NonNull OffsetDateTime occurredAt,
        @Description("Who (username as given, also for failed logins).") String username,
        @Id String userId,
        @NonNull @Description("GraphQL operation, e.g. `login`, `issueInvoice`.") String operation,
        @Description("What it acted on, e.g. an invoice id.") String target,
        @NonNull @Description("How it ended.") AuditTrail.Outcome outcome,
        @Description("The error code of a failure or refusal.") String errorCode,
        @Description("The client's address.") String clientAddress) {
}
