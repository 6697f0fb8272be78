package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.reference.api.FieldProblem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The dry run of issuing: what would be issued, and every problem that would stop it. Nothing is written.")
public record InvoicePreview(
        @NonNull @Description("True when issueInvoice would accept this input.") boolean valid,
        @NonNull @Description("Every problem found, each naming its field (e.g. `lines[1].taxRate`).") List<@NonNull FieldProblem> problems,
        @NonNull @Description("Lines with computed tax (lines whose amount or rate could not be read are left out).") List<@NonNull PreviewLine> lines,
        @Description("Amount excluding tax of the lines that could be read; null when none could.") Money amount,
        @Description("Tax of those lines, as issueInvoice would compute it; null when none could be read.") Money tax,
        @Description("Amount plus tax (价税合计); null when no line could be read.") Money total,
        @Description("Total in Chinese capitals.") String totalInWords) {
}
