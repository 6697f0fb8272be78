package cn.fapiao.export.link;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.InvoiceSource;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.ReportPeriodInput;
import cn.fapiao.report.api.ReportPeriodKind;
import cn.fapiao.report.api.StatisticsGrouping;
import cn.fapiao.report.api.StatisticsInput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of invoice statistics inside a signed download grant: period, filter and
 * groupings, written field by field (no reflection) so that the grant holds exactly what
 * {@code invoiceStatistics} takes and reading it back gives the same {@link StatisticsInput}.
 * Absent values are left out, which keeps links short.
 */
final class StatisticsClaim {

    private StatisticsClaim() {
    }

    static JsonObject toJson(StatisticsInput input) {
        JsonObject json = new JsonObject();
        ReportPeriodInput p = input.period();
        JsonObject period = new JsonObject().put("kind", p.kind().name());
        put(period, "year", p.year());
        put(period, "month", p.month());
        put(period, "quarter", p.quarter());
        put(period, "from", p.from());
        put(period, "to", p.to());
        json.put("period", period);
        InvoiceFilter f = input.filter();
        if (f != null) {
            JsonObject filter = new JsonObject();
            putList(filter, "status", f.status());
            putList(filter, "type", f.type());
            put(filter, "direction", f.direction());
            put(filter, "issueDateFrom", f.issueDateFrom());
            put(filter, "issueDateTo", f.issueDateTo());
            put(filter, "sellerTaxId", f.sellerTaxId());
            put(filter, "buyerTaxId", f.buyerTaxId());
            put(filter, "sellerNameContains", f.sellerNameContains());
            put(filter, "buyerNameContains", f.buyerNameContains());
            put(filter, "amountMin", f.amountMin());
            put(filter, "amountMax", f.amountMax());
            putList(filter, "source", f.source());
            put(filter, "role", f.role());
            json.put("filter", filter);
        }
        putList(json, "groupBy", input.groupBy());
        return json;
    }

    /** @throws RuntimeException when the JSON is not statistics parameters */
    static StatisticsInput fromJson(JsonObject json) {
        JsonObject p = json.getJsonObject("period");
        ReportPeriodInput period = new ReportPeriodInput(ReportPeriodKind.valueOf(p.getString("kind")), p.getInteger("year"),
                p.getInteger("month"), p.getInteger("quarter"), date(p.getString("from")), date(p.getString("to")));
        JsonObject f = json.getJsonObject("filter");
        InvoiceFilter filter = f == null ? null : new InvoiceFilter(
                list(f, "status", InvoiceStatus::valueOf), list(f, "type", Function.identity()),
                f.getString("direction") == null ? null : Direction.valueOf(f.getString("direction")),
                date(f.getString("issueDateFrom")), date(f.getString("issueDateTo")),
                f.getString("sellerTaxId"), f.getString("buyerTaxId"), f.getString("sellerNameContains"), f.getString("buyerNameContains"),
                money(f.getString("amountMin")), money(f.getString("amountMax")), list(f, "source", InvoiceSource::valueOf),
                f.getString("role") == null ? null : InvoiceFilter.Role.valueOf(f.getString("role")));
        return new StatisticsInput(period, filter, list(json, "groupBy", StatisticsGrouping::valueOf));
    }

    private static void put(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value instanceof Enum<?> e ? e.name() : value instanceof LocalDate d ? d.toString()
                    : value instanceof Money m ? m.stringValueForSerialization() : value);
        }
    }

    private static void putList(JsonObject json, String key, List<?> values) {
        if (values != null) {
            json.put(key, new JsonArray(values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList()));
        }
    }

    private static <T> List<T> list(JsonObject json, String key, Function<String, T> parse) {
        JsonArray values = json.getJsonArray(key);
        return values == null ? null : values.stream().map(v -> parse.apply((String) v)).toList();
    }

    private static Money money(String text) {
        return text == null ? null : new Money(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
