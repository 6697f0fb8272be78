package cn.fapiao.report.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The invoices behind a VAT summary figure, by invoice id, paged forwards.")
public record VatSummaryEntryConnection(@NonNull List<@NonNull VatSummaryEntryEdge> edges, @NonNull PageInfo pageInfo) {
}
