package cn.fapiao.ticket.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A page of knowledge-base articles, newest first (Relay connection).")
public record KnowledgeArticleConnection(
        @NonNull @Description("The articles of this page with their cursors.") List<@NonNull KnowledgeArticleEdge> edges,
        @NonNull @Description("Where this page sits: whether more follow, and the cursors to ask for them.") PageInfo pageInfo) {
}
