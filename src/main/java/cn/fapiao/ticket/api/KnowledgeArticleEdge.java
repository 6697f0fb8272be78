package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One knowledge-base article of the list and its cursor.")
public record KnowledgeArticleEdge(
        @NonNull @Description("Opaque cursor of this article, for `after`.") String cursor,
        @NonNull @Description("The article.") KnowledgeArticleView node) {
}
