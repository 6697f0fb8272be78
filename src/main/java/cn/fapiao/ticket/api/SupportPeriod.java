package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("SupportPeriod")
@Description("Days of submission, both included (Asia/Shanghai); at most 366 days.")
public record SupportPeriod(@NonNull LocalDate from, @NonNull LocalDate to) {
}
