package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("KnowledgeArticleInput")
@Description("A knowledge-base article; without id a new one. Questions up to 500 characters, answers up to 10000.")
public record KnowledgeArticleInput(
        @Id @Description("The article to change; absent for a new one.") String id,
        @NonNull TicketCategory category,
        @NonNull String questionZh,
        @NonNull String answerZh,
        @NonNull String questionEn,
        @NonNull String answerEn,
        @Description("Whether suggestArticles offers it; default true.") Boolean active) {
}
