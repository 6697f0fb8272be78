package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Name("ReportPeriod")
@Description("The Asia/Shanghai calendar days a report covers, both included.")
public record PeriodView(@NonNull LocalDate from, @NonNull LocalDate to) {
}
