package cn.fapiao.common.pagination;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay page information: whether more items exist, and the cursors of the first and last edge.")
public record PageInfo(
        @NonNull boolean hasNextPage,
        @NonNull boolean hasPreviousPage,
        String startCursor,
        String endCursor) {
}
