package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("KnowledgeArticle")
@Description("A question and its answer, in Chinese and English.")
public record KnowledgeArticleView(
        @NonNull @Id String id,
        @NonNull TicketCategory category,
        @NonNull String questionZh,
        @NonNull String answerZh,
        @NonNull String questionEn,
        @NonNull String answerEn,
        @NonNull boolean active) {
}
