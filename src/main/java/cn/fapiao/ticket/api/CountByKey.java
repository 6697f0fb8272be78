package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How many tickets have this status, category or level.")
public record CountByKey(@NonNull String key, @NonNull int count) {
}
