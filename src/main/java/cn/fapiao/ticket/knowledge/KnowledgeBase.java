package cn.fapiao.ticket.knowledge;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.SearchTokens;
import cn.fapiao.domain.TicketCategory;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.api.ArticleSuggestions;
import cn.fapiao.ticket.api.KnowledgeArticleInput;
import cn.fapiao.ticket.api.KnowledgeArticleView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Answers before asking: agents keep articles; {@link #suggest} finds the ones that share the most
 * search tokens (Chinese character pairs, other words) with what the user typed, and records what
 * it showed so that the statistics can tell how often no ticket followed.
 */
@ApplicationScoped
public class KnowledgeBase {

    static final int MAX_SUGGESTIONS = 5;
    static final int MAX_QUESTION = 500;
    static final int MAX_ANSWER = 10_000;
    static final int MAX_TEXT = 2000;

    private static final String SEARCH = """
            select id, category, question_zh, answer_zh, question_en, answer_en, active,
                   (select count(*) from unnest(search_tokens) t where t = any($1)) as hits
            from kb_article
            where active and search_tokens && $1 and ($2::varchar is null or category = $2)
            order by hits desc, id
            limit $3""";

    private final Pool pool;
    private final DeskAccess desk;
    private final RateLimiter rateLimiter;

    public KnowledgeBase(Pool pool, DeskAccess desk, RateLimiter rateLimiter) {
        this.pool = pool;
        this.desk = desk;
        this.rateLimiter = rateLimiter;
    }

    public Uni<KnowledgeArticleView> save(Caller caller, KnowledgeArticleInput input) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "input.questionZh", input.questionZh(), MAX_QUESTION);
        text(problems, "input.answerZh", input.answerZh(), MAX_ANSWER);
        text(problems, "input.questionEn", input.questionEn(), MAX_QUESTION);
        text(problems, "input.answerEn", input.answerEn(), MAX_ANSWER);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Long id = input.id() == null ? null : parseId(input.id(), "input.id");
        return desk.requireAgent(caller).chain(agent -> Panache.withTransaction(() -> {
            Uni<KnowledgeArticle> found = id == null ? Uni.createFrom().item(new KnowledgeArticle())
                    : Panache.getSession().chain(s -> s.find(KnowledgeArticle.class, id))
                    .onItem().ifNull().failWith(() -> new ApiException(ErrorCode.ARTICLE_NOT_FOUND, "input.id", "No article with this id."));
            return found.chain(article -> {
                Instant now = Instant.now();
                article.category = input.category();
                article.questionZh = input.questionZh().strip();
                article.answerZh = input.answerZh().strip();
                article.questionEn = input.questionEn().strip();
                article.answerEn = input.answerEn().strip();
                article.active = input.active() == null || input.active();
                article.searchTokens = SearchTokens.of(String.join(" ", article.questionZh, article.questionEn, article.answerZh, article.answerEn))
                        .toArray(String[]::new);
                article.updatedAt = now;
                if (article.id == null) {
                    article.createdAt = now;
                    return Panache.getSession().chain(s -> s.persist(article).chain(s::flush)).map(done -> view(article));
                }
                return Panache.getSession().chain(s -> s.flush()).map(done -> view(article));
            });
        }));
    }

    public Uni<ArticleSuggestions> suggest(Caller caller, String clientAddress, String text, TicketCategory category) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw ApiException.validation(List.of(new Problem("text", text == null || text.isBlank() ? "REQUIRED" : "TOO_LONG",
                    "`text` must hold 1 to " + MAX_TEXT + " characters.")));
        }
        Set<String> tokens = SearchTokens.of(text);
        Uni<Void> charged = caller.isAuthenticated() ? Uni.createFrom().voidItem() : rateLimiter.chargeTicketKey(clientAddress);
        if (tokens.isEmpty()) {
            return charged.map(done -> new ArticleSuggestions(null, List.of()));
        }
        String[] query = tokens.toArray(String[]::new);
        return charged.chain(() -> pool.preparedQuery(SEARCH).execute(Tuple.of(query, category == null ? null : category.name(), MAX_SUGGESTIONS)))
                .chain(rows -> {
                    List<KnowledgeArticleView> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(view(row));
                    }
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(new ArticleSuggestions(null, List.of()));
                    }
                    UUID shown = UUID.randomUUID();
                    Long[] ids = found.stream().map(a -> Long.valueOf(a.id())).toArray(Long[]::new);
                    return pool.preparedQuery("insert into kb_suggestion (id, article_ids, category, shown_at) values ($1, $2, $3, $4)")
                            .execute(Tuple.of(shown, ids, category == null ? null : category.name(), OffsetDateTime.now(ZoneOffset.UTC)))
                            .map(done -> new ArticleSuggestions(shown.toString(), found));
                });
    }

    /**
     * Retires an article (suggestArticles no longer offers it) or brings it back, without sending
     * its text again; listed either way by {@link KnowledgeArticleList}.
     */
    public Uni<KnowledgeArticleView> setActive(Caller caller, String id, boolean active) {
        long articleId = parseId(id, "id");
        return desk.requireAgent(caller).chain(agent -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.find(KnowledgeArticle.class, articleId))
                .onItem().ifNull().failWith(() -> new ApiException(ErrorCode.ARTICLE_NOT_FOUND, "id", "No article with this id."))
                .chain(article -> {
                    if (article.active == active) {
                        return Uni.createFrom().item(view(article));
                    }
                    article.active = active;
                    article.updatedAt = Instant.now();
                    return Panache.getSession().chain(s -> s.flush()).map(done -> view(article));
                })));
    }

    static KnowledgeArticleView view(Row row) {
        return new KnowledgeArticleView(String.valueOf(row.getLong("id")), TicketCategory.valueOf(row.getString("category")),
                row.getString("question_zh"), row.getString("answer_zh"), row.getString("question_en"), row.getString("answer_en"),
                row.getBoolean("active"));
    }

    private static KnowledgeArticleView view(KnowledgeArticle a) {
        return new KnowledgeArticleView(String.valueOf(a.id), a.category, a.questionZh, a.answerZh, a.questionEn, a.answerEn, a.active);
    }

    private static void text(List<Problem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "REQUIRED", "`" + field + "` must not be empty."));
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, "TOO_LONG", "`" + field + "` holds at most " + max + " characters."));
        }
    }

    private static long parseId(String id, String field) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.ARTICLE_NOT_FOUND, field, "No article with this id.");
        }
    }
}
