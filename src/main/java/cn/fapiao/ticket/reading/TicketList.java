package cn.fapiao.ticket.reading;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.domain.SlaClock;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.api.TicketConnection;
import cn.fapiao.ticket.api.TicketEdge;
import cn.fapiao.ticket.api.TicketFilter;
import cn.fapiao.ticket.api.TicketSummary;
import cn.fapiao.domain.TicketCategory;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket list: newest first, keyset-paged on (submitted_at, id) with the indexes of V30, read
 * with the reactive client (no entities). The desk's agents see every ticket; other users their
 * organisation's.
 */
@ApplicationScoped
public class TicketList {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final String KIND = "ticket";

    private final Pool pool;
    private final DeskAccess desk;

    public TicketList(Pool pool, DeskAccess desk) {
        this.pool = pool;
        this.desk = desk;
    }

    public Uni<TicketConnection> page(Caller caller, TicketFilter filter, Integer first, String after) {
        caller.requireAuthenticated();
        int size = Cursor.pageSize(first, DEFAULT_PAGE, MAX_PAGE, "first");
        long[] position = after == null ? null : position(Cursor.decode(KIND, after, "after"));
        return desk.isAgent(caller).chain(agent -> {
            List<String> where = new ArrayList<>();
            Tuple args = Tuple.tuple();
            String[] statuses = filter == null || filter.status() == null || filter.status().isEmpty() ? null
                    : filter.status().stream().distinct().map(Enum::name).toArray(String[]::new);
            if (statuses != null) {
                args.addArrayOfString(statuses);
            }
            if (!agent) {
                args.addLong(caller.organisationId());
                where.add("t.organisation_id = $" + args.size());
            }
            if (filter != null) {
                conditions(filter, where, args);
            }
            if (position != null) {
                args.addOffsetDateTime(OffsetDateTime.ofInstant(java.time.Instant.EPOCH.plus(position[0], java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC));
                args.addLong(position[1]);
                where.add("(t.submitted_at, t.id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
            }
            args.addInteger(size + 1);
            String limit = " order by t.submitted_at desc, t.id desc limit $" + args.size();
            String source;
            if (statuses == null) {
                source = "support_ticket t" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
            } else {
                // The agents' queue (some statuses, newest first): one ordered, limited scan of
                // support_ticket_status_idx per status, merged. "status = any(...)" instead let the
                // planner walk support_ticket_list_idx and skip closed tickets until a page was full:
                // with fewer open tickets than a page, the whole table (97 ms at 100,000 tickets,
                // 1 ms this way; EXPLAIN ANALYZE on the data of the ticketList bench scenario).
                where.add(0, "t.status = s.status");
                source = "unnest($1::varchar[]) as s(status) cross join lateral (select t.* from support_ticket t where "
                        + String.join(" and ", where) + limit + ") t";
            }
            String sql = "select t.id, t.tracking_number, t.status, t.category, t.level, t.subject, t.submitted_at, t.first_response_due, "
                    + "t.resolution_due, t.first_responded_at, t.breached_at is not null as breached, "
                    + "(select u.username from app_user u where u.id = t.assignee_id) as username, t.team, t.rating "
                    + "from " + source + limit;
            return pool.preparedQuery(sql).execute(args).map(rows -> {
                List<TicketEdge> edges = new ArrayList<>();
                for (Row row : rows) {
                    if (edges.size() == size) {
                        break;
                    }
                    edges.add(edge(row, agent));
                }
                boolean more = rows.size() > size;
                return new TicketConnection(edges, new PageInfo(more, after != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
            });
        });
    }

    private static void conditions(TicketFilter filter, List<String> where, Tuple args) {
        // status: the source of the query (see page)
        if (filter.level() != null && !filter.level().isEmpty()) {
            args.addArrayOfString(filter.level().stream().map(Enum::name).toArray(String[]::new));
            where.add("t.level = any($" + args.size() + ")");
        }
        if (filter.category() != null && !filter.category().isEmpty()) {
            args.addArrayOfString(filter.category().stream().map(Enum::name).toArray(String[]::new));
            where.add("t.category = any($" + args.size() + ")");
        }
        if (filter.assigneeId() != null) {
            long assignee;
            try {
                assignee = Long.parseLong(filter.assigneeId());
            } catch (NumberFormatException e) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "filter.assigneeId", "`filter.assigneeId` is not a user id.");
            }
            args.addLong(assignee);
            where.add("t.assignee_id = $" + args.size());
        }
        if (filter.breached() != null) {
            where.add(filter.breached() ? "t.breached_at is not null" : "t.breached_at is null");
        }
        if (filter.dueBefore() != null) {
            args.addOffsetDateTime(filter.dueBefore());
            int p = args.size();
            where.add("t.status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_SUBMITTER') and ((t.first_responded_at is null and t.first_response_due < $"
                    + p + ") or (t.resolved_at is null and t.resolution_due < $" + p + "))");
        }
        if (filter.submittedFrom() != null) {
            args.addOffsetDateTime(filter.submittedFrom().atStartOfDay(SlaClock.SHANGHAI).toOffsetDateTime());
            where.add("t.submitted_at >= $" + args.size());
        }
        if (filter.submittedTo() != null) {
            args.addOffsetDateTime(filter.submittedTo().plusDays(1).atStartOfDay(SlaClock.SHANGHAI).toOffsetDateTime());
            where.add("t.submitted_at < $" + args.size());
        }
    }

    private static TicketEdge edge(Row row, boolean agent) {
        OffsetDateTime submitted = row.getOffsetDateTime("submitted_at");
        long micros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, submitted.toInstant());
        long id = row.getLong("id");
        Short rating = row.getShort("rating");
        TicketSummary node = new TicketSummary(String.valueOf(id), row.getString("tracking_number"),
                TicketStatus.valueOf(row.getString("status")), TicketCategory.valueOf(row.getString("category")),
                TicketLevel.valueOf(row.getString("level")), row.getString("subject"), submitted,
                row.getOffsetDateTime("first_response_due"), row.getOffsetDateTime("resolution_due"), row.getOffsetDateTime("first_responded_at"),
                row.getBoolean("breached"), agent ? row.getString("username") : null, agent ? row.getString("team") : null,
                rating == null ? null : rating.intValue());
        return new TicketEdge(Cursor.encode(KIND, micros + ":" + id), node);
    }

    private static long[] position(String key) {
        try {
            String[] parts = key.split(":");
            if (parts.length == 2) {
                return new long[]{Long.parseLong(parts[0]), Long.parseLong(parts[1])};
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new ApiException(ErrorCode.VALIDATION_FAILED, "after", "`after` is not a cursor of this list.");
    }
}
