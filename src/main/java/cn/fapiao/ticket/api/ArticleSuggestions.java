package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("Articles that may answer what the user is typing, best first (at most 5).")
public record ArticleSuggestions(
        @Description("Pass it to submitFeedback as `suggestionId` if the user goes on to submit: the statistics count the suggestions that answered without a ticket. Null when nothing was found.") String suggestionId,
        @NonNull List<@NonNull KnowledgeArticleView> articles) {
}
