package cn.fapiao.ticket.knowledge;

import cn.fapiao.domain.TicketCategory;
import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.api.ArticleSuggestions;
import cn.fapiao.ticket.api.KnowledgeArticleConnection;
import cn.fapiao.ticket.api.KnowledgeArticleFilter;
import cn.fapiao.ticket.api.KnowledgeArticleInput;
import cn.fapiao.ticket.api.KnowledgeArticleView;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The knowledge base: suggestions for everyone, articles kept by the desk's agents. */
@GraphQLApi
public class KnowledgeResource {

    private final KnowledgeBase knowledge;
    private final KnowledgeArticleList list;
    private final CallerContext callers;

    public KnowledgeResource(KnowledgeBase knowledge, KnowledgeArticleList list, CallerContext callers) {
        this.knowledge = knowledge;
        this.list = list;
        this.callers = callers;
    }

    @Query("knowledgeArticles")
    @Description("The knowledge base as the desk keeps it, retired articles included unless `filter.active` says otherwise; newest first. "
            + "Role: SUPPORT_AGENT of the desk. Errors: VALIDATION_FAILED, FORBIDDEN.")
    public Uni<@NonNull KnowledgeArticleConnection> knowledgeArticles(@Name("filter") @Description("Which articles; absent: all of them.") KnowledgeArticleFilter filter,
                                                                      @Name("first") @Description("Page size, 1-100, default 20.") Integer first,
                                                                      @Name("after") @Description("Cursor of the last article of the previous page.") String after) {
        return callers.current().chain(caller -> list.page(caller, filter, first, after));
    }

    @Mutation("setKnowledgeArticleActive")
    @Description("Retires an article (active false: suggestArticles stops offering it; it stays listed and can be brought back) or brings it back, "
            + "without sending its text again. Role: SUPPORT_AGENT of the desk. Errors: ARTICLE_NOT_FOUND, FORBIDDEN.")
    public Uni<@NonNull KnowledgeArticleView> setKnowledgeArticleActive(@Name("id") @NonNull @Id @Description("The article's id.") String id,
                                                                     @Name("active") @NonNull @Description("false: retire it; true: offer it again.") boolean active) {
        return callers.current().chain(caller -> knowledge.setActive(caller, id, active));
    }

    @Query("suggestArticles")
    @Description("Knowledge-base articles that may answer what the user is typing (Chinese or English), best first; anyone may ask. "
            + "Errors: VALIDATION_FAILED, RATE_LIMITED.")
    public Uni<@NonNull ArticleSuggestions> suggestArticles(@Name("text") @NonNull @Description("What the user typed, up to 2000 characters.") String text,
                                                            @Name("category") @Description("Only articles of this category.") TicketCategory category) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> knowledge.suggest(caller, address, text, category));
    }

    @Mutation("saveKnowledgeArticle")
    @Description("Creates or changes a knowledge-base article. Role: SUPPORT_AGENT of the desk. Errors: VALIDATION_FAILED, ARTICLE_NOT_FOUND, FORBIDDEN.")
    public Uni<@NonNull KnowledgeArticleView> saveKnowledgeArticle(@Name("input") @NonNull KnowledgeArticleInput input) {
        return callers.current().chain(caller -> knowledge.save(caller, input));
    }
}
