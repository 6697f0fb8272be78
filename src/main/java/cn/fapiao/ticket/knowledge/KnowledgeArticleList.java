package cn.fapiao.ticket.knowledge;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.SearchTokens;
import cn.fapiao.domain.TicketCategory;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.api.KnowledgeArticleConnection;
import cn.fapiao.ticket.api.KnowledgeArticleEdge;
import cn.fapiao.ticket.api.KnowledgeArticleFilter;
import cn.fapiao.ticket.api.KnowledgeArticleView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agents' list of the knowledge base, retired articles included unless filtered out: newest
 * first, keyset-paged on the id, read with the reactive client. Only the desk's agents keep the
 * articles, so only they list them (suggestArticles is what everyone else gets).
 */
@ApplicationScoped
public class KnowledgeArticleList {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    static final int MAX_FILTER_TEXT = 200;
    private static final String KIND = "article";

    private final Pool pool;
    private final DeskAccess desk;

    public KnowledgeArticleList(Pool pool, DeskAccess desk) {
        this.pool = pool;
        this.desk = desk;
    }

    public Uni<KnowledgeArticleConnection> page(Caller caller, KnowledgeArticleFilter filter, Integer first, String after) {
        return desk.requireAgent(caller).chain(agent -> {
            int size = Cursor.pageSize(first, DEFAULT_PAGE, MAX_PAGE, "first");
            Long position = after == null ? null : position(Cursor.decode(KIND, after, "after"));
            List<String> where = new ArrayList<>();
            Tuple args = Tuple.tuple();
            if (filter != null) {
                conditions(filter, where, args);
            }
            if (position != null) {
                args.addLong(position);
                where.add("id < $" + args.size());
            }
            args.addInteger(size + 1);
            String sql = "select id, category, question_zh, answer_zh, question_en, answer_en, active from kb_article"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by id desc limit $" + args.size();
            return pool.preparedQuery(sql).execute(args).map(rows -> connection(rows, size, after));
        });
    }

    private static KnowledgeArticleConnection connection(RowSet<Row> rows, int size, String after) {
        List<KnowledgeArticleEdge> edges = new ArrayList<>();
        for (Row row : rows) {
            if (edges.size() == size) {
                break;
            }
            KnowledgeArticleView view = KnowledgeBase.view(row);
            edges.add(new KnowledgeArticleEdge(Cursor.encode(KIND, view.id()), view));
        }
        return new KnowledgeArticleConnection(edges, new PageInfo(rows.size() > size, after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private static void conditions(KnowledgeArticleFilter filter, List<String> where, Tuple args) {
        if (filter.category() != null && !filter.category().isEmpty()) {
            args.addArrayOfString(filter.category().stream().map(TicketCategory::name).toArray(String[]::new));
            where.add("category = any($" + args.size() + ")");
        }
        if (filter.active() != null) {
            args.addBoolean(filter.active());
            where.add("active = $" + args.size());
        }
        if (filter.text() != null) {
            if (filter.text().isBlank() || filter.text().length() > MAX_FILTER_TEXT) {
                throw ApiException.validation(List.of(new Problem("filter.text", filter.text().isBlank() ? "REQUIRED" : "TOO_LONG",
                        "`filter.text` holds 1 to " + MAX_FILTER_TEXT + " characters; leave it out to list every article.")));
            }
            Set<String> tokens = SearchTokens.of(filter.text());
            if (tokens.isEmpty()) {
                // Only punctuation: nothing can hold every word of it.
                where.add("false");
                return;
            }
            args.addArrayOfString(tokens.toArray(String[]::new));
            where.add("search_tokens @> $" + args.size());
        }
    }

    private static long position(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "after", "`after` is not a cursor of this list.");
        }
    }
}
