package cn.fapiao.audit.api;

import org.eclipse.microprofile.graphql.NonNull;

public record AuditLogEdge(@NonNull String cursor, @NonNull AuditEntry node) {
}
