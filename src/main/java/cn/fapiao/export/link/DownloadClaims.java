package cn.fapiao.export.link;

import cn.fapiao.export.link.api.DownloadFormat;
import cn.fapiao.export.link.api.DownloadKind;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.StatisticsInput;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a download link grants, all of it signed: the organisation whose data it is, who asked
 * (for the log), the kind of file, its format and parameters, and when the grant ends. The link
 * downloads exactly this and nothing else.
 */
public record DownloadClaims(long organisationId, Long userId, DownloadKind kind, DownloadFormat format,
                             LocalDate from, LocalDate to, InvoiceFilter.Role side, Long invoiceId,
                             StatisticsInput statistics, Instant expiresAt) {

    /** Marks the payload as a download grant, so that it can never be read as anything else signed with the key. */
    static final String PURPOSE = "fapiao-download-v1";

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("typ", PURPOSE).put("org", organisationId).put("kind", kind.name())
                .put("fmt", format.name()).put("exp", expiresAt.getEpochSecond());
        putIf(json, "usr", userId);
        putIf(json, "from", from == null ? null : from.toString());
        putIf(json, "to", to == null ? null : to.toString());
        putIf(json, "side", side == null ? null : side.name());
        putIf(json, "inv", invoiceId);
        putIf(json, "st", statistics == null ? null : StatisticsClaim.toJson(statistics));
        return json;
    }

    /** @throws RuntimeException when the payload is not a download grant */
    static DownloadClaims fromJson(JsonObject json) {
        if (!PURPOSE.equals(json.getString("typ"))) {
            throw new IllegalArgumentException("not a download grant");
        }
        String from = json.getString("from");
        String to = json.getString("to");
        String side = json.getString("side");
        return new DownloadClaims(json.getLong("org"), json.getLong("usr"), DownloadKind.valueOf(json.getString("kind")),
                DownloadFormat.valueOf(json.getString("fmt")), from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), side == null ? null : InvoiceFilter.Role.valueOf(side),
                json.getLong("inv"), json.getJsonObject("st") == null ? null : StatisticsClaim.fromJson(json.getJsonObject("st")),
                Instant.ofEpochSecond(json.getLong("exp")));
    }

    private static void putIf(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
