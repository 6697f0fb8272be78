package cn.fapiao.common.pagination;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay page information: whether more items exist, and the cursors of the first and last edge.")
public record PageInfo(
        @NonNull @Description("True when more items follow the last edge: ask again with `after: endCursor`.") boolean hasNextPage,
        @NonNull @Description("True when items come before the first edge: ask again with `before: startCursor` and `last`.") boolean hasPreviousPage,
        @Description("The cursor of the first edge; null on an empty page.") String startCursor,
        @Description("The cursor of the last edge; null on an empty page.") String endCursor) {
}
