package cn.fapiao.invoice;

import cn.fapiao.invoice.api.ImportInvoicesInput;
import cn.fapiao.invoice.api.ImportOutcome;
import cn.fapiao.invoice.api.ImportResult;
import cn.fapiao.invoice.api.ImportRowResult;
import cn.fapiao.invoice.api.ImportedInvoiceInput;
import cn.fapiao.invoice.api.ImportedLineInput;
import cn.fapiao.invoice.api.ImportedPartyInput;
import cn.fapiao.reference.api.FieldProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON forms an import batch is kept in: the canonical rendering of a request (fixed field
 * order, nulls written out) whose SHA-256 tells a replay from a reused key, and the stored
 * answer ({@code import_batch.outcome}) that a replay returns.
 */
final class InvoiceImportJson {

    private InvoiceImportJson() {
    }

    /** SHA-256 (hex) of the canonical rendering of everything but the idempotency key. */
    static String requestHash(ImportInvoicesInput input) {
        JsonArray invoices = new JsonArray();
        for (ImportedInvoiceInput in : input.invoices()) {
            JsonArray lines = null;
            if (in.lines() != null) {
                lines = new JsonArray();
                for (ImportedLineInput l : in.lines()) {
                    lines.add(l == null ? null : new JsonObject().put("itemName", l.itemName()).put("quantity", l.quantity())
                            .put("unitPrice", l.unitPrice()).put("amount", l.amount()).put("taxRate", l.taxRate()).put("tax", l.tax()));
                }
            }
            invoices.add(new JsonObject()
                    .put("code", in.code()).put("number", in.number()).put("typeCode", in.typeCode())
                    .put("issueDate", in.issueDate() == null ? null : in.issueDate().toString())
                    .put("seller", party(in.seller())).put("buyer", party(in.buyer()))
                    .put("amount", in.amount()).put("tax", in.tax()).put("total", in.total())
                    .put("direction", in.direction() == null ? null : in.direction().name())
                    .put("checkCode", in.checkCode())
                    .put("status", in.status() == null ? null : in.status().name())
                    .put("originalCode", in.originalCode()).put("originalNumber", in.originalNumber())
                    .put("redReason", in.redReason())
                    .put("lines", lines)
                    .put("remark", in.remark()));
        }
        JsonObject canonical = new JsonObject()
                .put("source", input.source())
                .put("synchronised", Boolean.TRUE.equals(input.synchronised()))
                .put("invoices", invoices);
        return IdempotencyKeys.sha256(canonical.encode());
    }

    private static JsonObject party(ImportedPartyInput party) {
        return party == null ? null : new JsonObject().put("taxId", party.taxId()).put("name", party.name())
                .put("addressPhone", party.addressPhone()).put("bankAccount", party.bankAccount());
    }

    static JsonObject outcome(ImportResult result) {
        JsonArray rows = new JsonArray();
        for (ImportRowResult row : result.rows()) {
            JsonArray problems = new JsonArray();
            row.problems().forEach(p -> problems.add(new JsonObject().put("field", p.field()).put("code", p.code()).put("message", p.message())));
            rows.add(new JsonObject().put("index", row.index()).put("code", row.code()).put("number", row.number())
                    .put("outcome", row.outcome().name()).put("invoiceId", row.invoiceId())
                    .put("problems", problems).put("differingFields", new JsonArray(new ArrayList<>(row.differingFields()))));
        }
        return new JsonObject().put("created", result.created()).put("duplicates", result.duplicates()).put("updated", result.updated())
                .put("conflicts", result.conflicts()).put("rejected", result.rejected()).put("rows", rows);
    }

    /** The stored answer, as a replay returns it. */
    static ImportResult replayed(JsonObject stored) {
        List<ImportRowResult> rows = new ArrayList<>();
        for (Object item : stored.getJsonArray("rows")) {
            JsonObject row = (JsonObject) item;
            List<FieldProblem> problems = new ArrayList<>();
            for (Object p : row.getJsonArray("problems")) {
                JsonObject problem = (JsonObject) p;
                problems.add(new FieldProblem(problem.getString("field"), problem.getString("code"), problem.getString("message")));
            }
            List<String> differing = row.getJsonArray("differingFields").stream().map(String::valueOf).toList();
            rows.add(new ImportRowResult(row.getInteger("index"), row.getString("code"), row.getString("number"),
                    ImportOutcome.valueOf(row.getString("outcome")), row.getString("invoiceId"), problems, differing));
        }
        return new ImportResult(true, stored.getInteger("created"), stored.getInteger("duplicates"), stored.getInteger("updated", 0),
                stored.getInteger("conflicts"), stored.getInteger("rejected"), rows);
    }
}
