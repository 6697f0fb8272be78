package cn.fapiao.audit;

import cn.fapiao.audit.api.AuditEntry;
import cn.fapiao.audit.api.AuditLogConnection;
import cn.fapiao.audit.api.AuditLogEdge;
import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Reads the audit log of the caller's own organisation, for auditors and admins. */
@ApplicationScoped
public class AuditLogService {

    private static final String CURSOR_KIND = "audit";
    // Keyset pagination on the primary key, newest first, served by audit_log_organisation_time_idx / the pkey.
    private static final String PAGE = """
            select id, occurred_at, username, user_id, operation, target, outcome, error_code, client_address
            from audit_log
            where organisation_id = $1 and ($2::bigint is null or id < $2) and ($3::text is null or operation = $3)
            order by id desc
            limit $4""";

    private final Pool pool;

    public AuditLogService(Pool pool) {
        this.pool = pool;
    }

    public Uni<AuditLogConnection> page(Caller caller, Integer first, String after, String operation) {
        caller.require(Role.AUDITOR, Role.ADMIN);
        int size = Cursor.pageSize(first, 50, 200, "first");
        Long afterId = after == null ? null : parseId(after);
        return pool.preparedQuery(PAGE).execute(Tuple.of(caller.organisationId(), afterId, operation, size + 1))
                .map(rows -> {
                    List<AuditLogEdge> edges = new ArrayList<>();
                    for (Row row : rows) {
                        if (edges.size() == size) {
                            break;
                        }
                        AuditEntry entry = toEntry(row);
                        edges.add(new AuditLogEdge(Cursor.encode(CURSOR_KIND, entry.id()), entry));
                    }
                    boolean more = rows.size() > size;
                    return new AuditLogConnection(edges, new PageInfo(more, afterId != null,
                            edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
                });
    }

    private static Long parseId(String after) {
        String key = Cursor.decode(CURSOR_KIND, after, "after");
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "after", "`after` is not a cursor of this list.");
        }
    }

    private static AuditEntry toEntry(Row row) {
        Long userId = row.getLong("user_id");
        return new AuditEntry(row.getLong("id").toString(), row.getOffsetDateTime("occurred_at"), row.getString("username"),
                userId == null ? null : userId.toString(), row.getString("operation"), row.getString("target"),
                AuditTrail.Outcome.valueOf(row.getString("outcome")), row.getString("error_code"), row.getString("client_address"));
    }
}
