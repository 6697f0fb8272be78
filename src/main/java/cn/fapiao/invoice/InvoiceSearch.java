package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.api.InvoiceConnection;
import cn.fapiao.invoice.api.InvoiceEdge;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.invoice.api.InvoiceOrder;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The invoice list: the invoices the caller's organisation issued or received, filtered in SQL
 * and paged by keyset (sort key + id, never OFFSET) in both directions.
 *
 * <p>Why the query is a {@code UNION ALL} of a seller side and a buyer side: with
 * {@code seller_org_id = $1 or buyer_org_id = $1} PostgreSQL can only combine both indexes in a
 * bitmap, which loses their order, so it would read and sort every invoice of the organisation
 * for each page. Each side alone walks its own (org, issue_date desc, id desc) index in order and
 * stops after {@code limit} rows; the outer query then merges at most 2 × limit rows. The buyer
 * side leaves out invoices the organisation also sold, so none appears twice. The filter's SQL is
 * {@link InvoiceFilterSql}'s, shared with the reports.
 */
@ApplicationScoped
public class InvoiceSearch {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final Role[] READERS = {Role.ISSUER, Role.ACCOUNTANT, Role.AUDITOR, Role.PARTNER, Role.ADMIN};

    private final Pool pool;
    private final InvoiceRows rows;

    public InvoiceSearch(Pool pool, InvoiceRows rows) {
        this.pool = pool;
        this.rows = rows;
    }

    /**
     * One page. withCount: the connection's totalCount is selected, and is counted in the same
     * statement (the list indexes cover the usual filters, so the count reads no table rows).
     */
    public Uni<InvoiceConnection> page(Caller caller, InvoiceFilter filter, InvoiceOrder orderBy,
                                       Integer first, String after, Integer last, String before, boolean withCount) {
        caller.require(READERS);
        InvoiceOrder order = orderBy == null ? InvoiceOrder.ISSUE_DATE_DESC : orderBy;
        List<Problem> problems = new ArrayList<>();
        boolean backward = last != null || before != null;
        if (first != null && last != null) {
            problems.add(new Problem("last", "CONFLICTING_ARGUMENTS", "Give either `first` or `last`, not both."));
        } else if (backward && (first != null || after != null)) {
            problems.add(new Problem(before != null ? "before" : "last", "CONFLICTING_ARGUMENTS",
                    "Page forwards with `first`/`after` or backwards with `last`/`before`, not both."));
        }
        Integer requested = backward ? last : first;
        String sizeArgument = backward ? "last" : "first";
        if (requested != null && (requested < 1 || requested > MAX_PAGE_SIZE)) {
            problems.add(new Problem(sizeArgument, "OUT_OF_RANGE", "`" + sizeArgument + "` must be between 1 and " + MAX_PAGE_SIZE + "."));
        }
        String cursorArgument = backward ? "before" : "after";
        String cursor = backward ? before : after;
        Key key = cursor == null ? null : Key.decode(order, cursor, cursorArgument, problems);
        InvoiceFilterSql.Where where = InvoiceFilterSql.where(filter, "filter", problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        int size = requested == null ? DEFAULT_PAGE_SIZE : requested;

        // Backwards pages are read in the reverse order from the cursor, then turned round.
        boolean descending = isDescending(order) != backward;
        String sortColumn = sortColumn(order);
        String direction = descending ? " desc" : " asc";
        String orderClause = orderClause("i", order, direction);
        List<Object> params = new ArrayList<>(where.params());
        if (key != null) {
            params.add(key.value());
            params.add(key.id());
        }
        String keyset = key == null ? "" : " and (" + sortColumn + ", i.id) " + (descending ? "<" : ">")
                + " ($" + params.size() + ", $" + (params.size() + 1) + ")";
        params.add(size + 1);
        String limit = " limit $" + (params.size() + 1);
        String sides = where.sides().stream()
                .map(side -> "(select " + InvoiceRows.COLUMNS + " from invoice i where " + side.sql() + where.sql() + keyset + orderClause + limit + ")")
                .collect(Collectors.joining(" union all "));
        String page = "select * from (" + sides + ") i" + orderClause + limit;
        // With the count: its one row joined to the page's rows, or to a row of nulls when the page is empty.
        String sql = withCount
                ? "select p.*, c.total_count from (" + countSql(where) + ") c left join lateral (" + page + ") p on true"
                + orderClause("p", order, direction)
                : page;

        return pool.preparedQuery(sql).execute(tuple(caller, params)).map(result -> {
            List<Row> invoices = new ArrayList<>();
            Integer totalCount = null;
            for (Row row : result) {
                if (withCount && totalCount == null) { // the same on every row: looked up by name once
                    totalCount = row.getLong("total_count").intValue();
                }
                if (row.getLong(0) != null) { // null: the count's row on an empty page
                    invoices.add(row);
                }
            }
            List<InvoiceEdge> edges = edges(invoices, order, size);
            boolean more = invoices.size() > size;
            if (backward) {
                Collections.reverse(edges);
            }
            PageInfo pageInfo = new PageInfo(backward ? cursor != null : more, backward ? more : cursor != null,
                    edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
            return new InvoiceConnection(edges, pageInfo, totalCount);
        });
    }

    /** One row, total_count: the filter's invoices on each side, added up. */
    private static String countSql(InvoiceFilterSql.Where where) {
        return "select " + where.sides().stream()
                .map(side -> "(select count(*) from invoice i where " + side.sql() + where.sql() + ")")
                .collect(Collectors.joining(" + ")) + " as total_count";
    }

    private List<InvoiceEdge> edges(List<Row> invoices, InvoiceOrder order, int size) {
        List<InvoiceEdge> edges = new ArrayList<>();
        for (Row row : invoices) {
            if (edges.size() == size) {
                break;
            }
            InvoiceView invoice = rows.invoice(row).view();
            Object value = order == InvoiceOrder.ISSUE_DATE_DESC || order == InvoiceOrder.ISSUE_DATE_ASC ? invoice.issueDate() : invoice.total();
            edges.add(new InvoiceEdge(Key.encode(order, value, invoice.id()), invoice));
        }
        return edges;
    }

    private static Tuple tuple(Caller caller, List<Object> params) {
        Tuple tuple = Tuple.of(caller.organisationId());
        params.forEach(tuple::addValue);
        return tuple;
    }

    private static boolean isDescending(InvoiceOrder order) {
        return order == InvoiceOrder.ISSUE_DATE_DESC || order == InvoiceOrder.TOTAL_DESC;
    }

    /** The order of a page over the rows named {@code alias}, the id breaking ties. */
    private static String orderClause(String alias, InvoiceOrder order, String direction) {
        return " order by " + sortColumn(order).replace("i.", alias + ".") + direction + ", " + alias + ".id" + direction;
    }

    private static String sortColumn(InvoiceOrder order) {
        return order == InvoiceOrder.ISSUE_DATE_DESC || order == InvoiceOrder.ISSUE_DATE_ASC ? "i.issue_date" : "i.total";
    }

    /** A cursor's content: the sort key and the id of the last invoice seen, in the kind of its order. */
    private record Key(Object value, long id) {

        static String encode(InvoiceOrder order, Object value, String id) {
            return Cursor.encode(kind(order), value + ":" + id);
        }

        static Key decode(InvoiceOrder order, String cursor, String argument, List<Problem> problems) {
            try {
                String text = Cursor.decode(kind(order), cursor, argument);
                int colon = text.lastIndexOf(':');
                String value = text.substring(0, Math.max(colon, 0));
                long id = Long.parseLong(text.substring(colon + 1));
                return new Key(sortColumn(order).equals("i.issue_date") ? LocalDate.parse(value) : new BigDecimal(value), id);
            } catch (ApiException | NumberFormatException | DateTimeParseException e) {
                problems.add(new Problem(argument, "INVALID_CURSOR",
                        "`" + argument + "` is not a cursor of this list in the order " + order + "."));
                return null;
            }
        }

        private static String kind(InvoiceOrder order) {
            return "invoice:" + order;
        }
    }
}
