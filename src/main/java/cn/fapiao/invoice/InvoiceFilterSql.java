package cn.fapiao.invoice;

import cn.fapiao.common.Money;
import cn.fapiao.domain.DecimalInput;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.api.InvoiceFilter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The invoice list's filter as SQL, shared by the list ({@link InvoiceSearch}) and the reports,
 * so that a report over a filter counts exactly the invoices the list shows for it. The caller's
 * organisation is always {@code $1} and is matched on one side (seller or buyer) per part of a
 * {@code UNION ALL}: see InvoiceSearch for why not {@code or}.
 */
public final class InvoiceFilterSql {

    private static final Pattern TYPE_CODE = Pattern.compile("^\\d{2}$");
    private static final String SELLER_SIDE = "i.seller_org_id = $1";
    private static final String BUYER_SIDE = "i.buyer_org_id = $1";
    private static final String BUYER_ONLY_SIDE = "i.buyer_org_id = $1 and i.seller_org_id is distinct from $1";

    private InvoiceFilterSql() {
    }

    /**
     * The filter as SQL conditions with positional parameters from $2 on ($1 is the caller's
     * organisation), and the sides (seller, buyer) the caller's organisation is looked up on.
     * User values only ever travel as parameters. {@code field} names the filter in problems
     * ({@code filter}, {@code input.filter}).
     */
    public static Where where(InvoiceFilter filter, String field, List<Problem> problems) {
        List<Side> sides = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        InvoiceFilter.Role role = filter == null ? null : filter.role();
        if (role != InvoiceFilter.Role.BUYER) {
            sides.add(new Side(InvoiceFilter.Role.SELLER, SELLER_SIDE));
        }
        if (role != InvoiceFilter.Role.SELLER) {
            // Alone, the buyer side keeps the invoices the organisation sold to itself; next to the seller side it leaves them to it.
            sides.add(new Side(InvoiceFilter.Role.BUYER, role == InvoiceFilter.Role.BUYER ? BUYER_SIDE : BUYER_ONLY_SIDE));
        }
        if (filter == null) {
            return new Where(sides, "", params);
        }
        noNullItems(filter.status(), field + ".status", problems);
        noNullItems(filter.type(), field + ".type", problems);
        noNullItems(filter.source(), field + ".source", problems);
        if (!problems.isEmpty()) {
            return new Where(sides, "", params);
        }
        if (filter.status() != null && !filter.status().isEmpty()) {
            condition(sql, params, "i.status = any($%d)", filter.status().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.type() != null && !filter.type().isEmpty()) {
            List<String> codes = filter.type().stream().map(String::strip).toList();
            for (String code : codes) {
                if (!TYPE_CODE.matcher(code).matches()) {
                    problems.add(new Problem(field + ".type", "INVALID_FORMAT", "Invoice type codes have two digits, e.g. `01`; got '" + code + "'."));
                }
            }
            condition(sql, params, "i.type_code = any($%d::text[])", codes.toArray(String[]::new));
        }
        if (filter.direction() != null) {
            condition(sql, params, "i.direction = $%d", filter.direction().name());
        }
        if (filter.issueDateFrom() != null) {
            condition(sql, params, "i.issue_date >= $%d", filter.issueDateFrom());
        }
        if (filter.issueDateTo() != null) {
            condition(sql, params, "i.issue_date <= $%d", filter.issueDateTo());
        }
        if (filter.issueDateFrom() != null && filter.issueDateTo() != null && filter.issueDateFrom().isAfter(filter.issueDateTo())) {
            problems.add(new Problem(field + ".issueDateFrom", "INVALID_RANGE", "`issueDateFrom` is after `issueDateTo`."));
        }
        exact(sql, params, problems, "i.seller_tax_id", filter.sellerTaxId(), field + ".sellerTaxId");
        exact(sql, params, problems, "i.buyer_tax_id", filter.buyerTaxId(), field + ".buyerTaxId");
        contains(sql, params, problems, "i.seller_name", filter.sellerNameContains(), field + ".sellerNameContains");
        contains(sql, params, problems, "i.buyer_name", filter.buyerNameContains(), field + ".buyerNameContains");
        BigDecimal min = amount(filter.amountMin(), field + ".amountMin", problems);
        BigDecimal max = amount(filter.amountMax(), field + ".amountMax", problems);
        if (min != null) {
            condition(sql, params, "i.total >= $%d", min);
        }
        if (max != null) {
            condition(sql, params, "i.total <= $%d", max);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new Problem(field + ".amountMin", "INVALID_RANGE", "`amountMin` is larger than `amountMax`."));
        }
        if (filter.source() != null && !filter.source().isEmpty()) {
            condition(sql, params, "i.source = any($%d)", filter.source().stream().map(Enum::name).toArray(String[]::new));
        }
        return new Where(sides, sql.toString(), params);
    }

    private static void noNullItems(List<?> values, String field, List<Problem> problems) {
        if (values != null && values.stream().anyMatch(Objects::isNull)) {
            problems.add(new Problem(field, "REQUIRED", "`" + field + "` must not contain null."));
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, String template, Object value) {
        params.add(value);
        sql.append(" and ").append(String.format(template, params.size() + 1));
    }

    private static void exact(StringBuilder sql, List<Object> params, List<Problem> problems, String column, String value, String field) {
        if (value == null) {
            return;
        }
        String taxId = value.strip();
        if (taxId.isEmpty() || taxId.length() > 20) {
            problems.add(new Problem(field, "INVALID_LENGTH", "A tax ID has 1-20 characters."));
        }
        condition(sql, params, column + " = $%d", taxId);
    }

    private static void contains(StringBuilder sql, List<Object> params, List<Problem> problems, String column, String value, String field) {
        if (value == null) {
            return;
        }
        if (value.length() > 200) {
            problems.add(new Problem(field, "INVALID_LENGTH", "Names have at most 200 characters."));
        }
        // The text is matched literally: LIKE's own wildcards and its escape character are escaped.
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        condition(sql, params, column + " ilike $%d", "%" + escaped + "%");
    }

    private static BigDecimal amount(Money value, String field, List<Problem> problems) {
        return value == null ? null : DecimalInput.amount(value, field, problems);
    }

    /** One side the organisation is looked up on: the part it plays there, and its condition on {@code i}. */
    public record Side(InvoiceFilter.Role role, String sql) {
    }

    /**
     * Where the organisation is looked up (one or both sides) and the filter's conditions (each
     * starting with {@code " and "}) with their parameters, from $2 on.
     */
    public record Where(List<Side> sides, String sql, List<Object> params) {
    }
}
