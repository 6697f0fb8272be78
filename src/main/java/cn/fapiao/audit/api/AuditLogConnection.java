package cn.fapiao.audit.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A page of the audit log, newest first.")
public record AuditLogConnection(@NonNull List<@NonNull AuditLogEdge> edges, @NonNull PageInfo pageInfo) {
}
