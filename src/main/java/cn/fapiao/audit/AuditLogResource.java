package cn.fapiao.audit;

import cn.fapiao.audit.api.AuditLogConnection;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class AuditLogResource {

    private final AuditLogService auditLog;
    private final CallerContext callers;

    public AuditLogResource(AuditLogService auditLog, CallerContext callers) {
        this.auditLog = auditLog;
        this.callers = callers;
    }

    @Query
    @Description("The audit log of the caller's organisation, newest first: every login and mutation. Roles: AUDITOR, ADMIN.")
    public Uni<@NonNull AuditLogConnection> auditLog(@Name("first") @Description("Page size, 1-200, default 50.") Integer first,
                                                     @Name("after") @Description("Cursor of the last entry of the previous page.") String after,
                                                     @Name("operation") @Description("Only entries of this operation, e.g. `login`.") String operation) {
        return callers.current().chain(caller -> auditLog.page(caller, first, after, operation));
    }
}
