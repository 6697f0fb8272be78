package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.NonNull;

public record VatSummaryEntryEdge(@NonNull String cursor, @NonNull VatSummaryEntry node) {
}
