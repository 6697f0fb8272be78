package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("KnowledgeArticleFilter")
@Description("Conditions articles must all meet; absent ones do not filter.")
public record KnowledgeArticleFilter(
        @Description("Any of these categories.") List<TicketCategory> category,
        @Description("true: offered by suggestArticles; false: retired; absent: both.") Boolean active,
        @Description("Every word of it (every pair of Chinese characters) in the question or answer, either language; up to 200 characters.") String text) {
}
