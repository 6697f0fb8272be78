package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How much a finding of a diagnosis matters; findings come ordered problems first.")
public enum FindingSeverity {
    @Description("Explains why the invoice cannot be found or used (问题).")
    PROBLEM,
    @Description("Worth checking, but not the reason by itself (警告).")
    WARNING,
    @Description("Information only (提示).")
    INFO
}
