package cn.fapiao.ticket;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agents' list of the knowledge base, retired articles included, and retiring and restoring one without resending it. */
@QuarkusTest
class KnowledgeBaseListTest {

    private static final String AGENT = "a-support_agent";

    @Test
    void agentsListEveryArticleRetiredOnesIncludedAndRetireAndRestoreThem() {
        // A word of its own, so that this test's articles can be told apart from the others'.
        String mark = "kbmark" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonPath saved = GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", article(i % 2 == 0 ? "COMPLAINT" : "SUGGESTION",
                    "如何投诉开票服务" + i, "请在反馈台提交投诉。", "How to complain " + mark + " " + i, "Submit a complaint at the desk."));
            ids.add(0, saved.get("data.saveKnowledgeArticle.id"));
        }
        JsonPath retired = GraphQL.postAs(Tokens.of(AGENT), "setKnowledgeArticleActive", "id", ids.get(1), "active", false);
        assertEquals(false, retired.get("data.setKnowledgeArticleActive.active"), retired::prettify);
        assertEquals("如何投诉开票服务3", retired.get("data.setKnowledgeArticleActive.questionZh"));

        // Newest first, two at a time, all five, the retired one among them.
        Map<String, Object> filter = Map.of("text", mark);
        List<String> listed = new ArrayList<>();
        List<Boolean> active = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 4; page++) {
            JsonPath body = GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "filter", filter, "first", 2, "after", after);
            assertNotNull(body.get("data.knowledgeArticles"), body::prettify);
            listed.addAll(body.getList("data.knowledgeArticles.edges.node.id"));
            active.addAll(body.getList("data.knowledgeArticles.edges.node.active"));
            after = body.get("data.knowledgeArticles.pageInfo.endCursor");
            if (!body.getBoolean("data.knowledgeArticles.pageInfo.hasNextPage")) {
                break;
            }
        }
        assertEquals(ids, listed);
        assertEquals(List.of(true, false, true, true, true), active);

        // Filters: retired only, active only, a category.
        assertEquals(List.of(ids.get(1)), ids(Map.of("text", mark, "active", false)));
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(3), ids.get(4)), ids(Map.of("text", mark, "active", true)));
        assertEquals(List.of(ids.get(1), ids.get(3)), ids(Map.of("text", mark, "category", List.of("SUGGESTION"))));
        // The Chinese text filter needs every character pair: 投诉开票 matches, 开票投诉 does not hold "票投".
        assertTrue(ids(Map.of("text", "投诉开票")).containsAll(ids));
        assertFalse(ids(Map.of("text", "开票投诉 " + mark)).contains(ids.get(0)));
        assertEquals(List.of(), ids(Map.of("text", "？！")));

        // Retired: not suggested; restored: suggested again, with its text unchanged.
        assertFalse(suggested(mark).contains(ids.get(1)));
        assertTrue(suggested(mark).contains(ids.get(0)));
        JsonPath restored = GraphQL.postAs(Tokens.of(AGENT), "setKnowledgeArticleActive", "id", ids.get(1), "active", true);
        assertEquals(true, restored.get("data.setKnowledgeArticleActive.active"), restored::prettify);
        assertTrue(suggested(mark).contains(ids.get(1)));
        // Asked twice, the same answer.
        assertEquals(true, GraphQL.postAs(Tokens.of(AGENT), "setKnowledgeArticleActive", "id", ids.get(1), "active", true)
                .get("data.setKnowledgeArticleActive.active"));
    }

    @Test
    void strangersNeitherListNorRetire() {
        for (String stranger : List.of("b-support_agent", "a-admin", "c-accountant")) {
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(stranger), "knowledgeArticles").get("errors[0].extensions.code"), stranger);
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(stranger), "setKnowledgeArticleActive", "id", "1", "active", false)
                    .get("errors[0].extensions.code"), stranger);
        }
        assertEquals("UNAUTHENTICATED", GraphQL.postFrom(Tickets.freshAddress(), null, "knowledgeArticles").get("errors[0].extensions.code"));
        for (String id : List.of("999999999", "x", "-1", "9".repeat(30))) {
            JsonPath body = GraphQL.postAs(Tokens.of(AGENT), "setKnowledgeArticleActive", "id", id, "active", false);
            assertEquals("ARTICLE_NOT_FOUND", body.get("errors[0].extensions.code"), body::prettify);
            assertEquals("id", body.get("errors[0].extensions.field"));
        }
    }

    @Test
    void badPagingAndFiltersAreRefusedNamingTheField() {
        expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "first", 0), "first");
        expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "first", 101), "first");
        expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "after", "not-a-cursor"), "after");
        // A ticket list's cursor is not an article list's.
        String ticketCursor = GraphQL.postAs(Tokens.of(AGENT), "tickets", "first", 1).get("data.tickets.edges[0].cursor");
        if (ticketCursor != null) {
            expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "after", ticketCursor), "after");
        }
        expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "filter", Map.of("text", "   ")), "filter.text");
        expectInvalid(GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "filter", Map.of("text", "发".repeat(201))), "filter.text");
    }

    private static List<String> ids(Map<String, Object> filter) {
        JsonPath body = GraphQL.postAs(Tokens.of(AGENT), "knowledgeArticles", "filter", filter, "first", 100);
        assertNotNull(body.get("data.knowledgeArticles"), body::prettify);
        return body.getList("data.knowledgeArticles.edges.node.id");
    }

    private static List<String> suggested(String text) {
        return GraphQL.postFrom(Tickets.freshAddress(), null, "suggestArticles", "text", text).getList("data.suggestArticles.articles.id");
    }

    private static void expectInvalid(JsonPath body, String field) {
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        String named = body.get("errors[0].extensions.field");
        List<String> problems = body.getList("errors[0].extensions.problems.field");
        assertTrue(field.equals(named) || (problems != null && problems.contains(field)), body::prettify);
    }

    private static Map<String, Object> article(String category, String questionZh, String answerZh, String questionEn, String answerEn) {
        Map<String, Object> input = new HashMap<>();
        input.put("category", category);
        input.put("questionZh", questionZh);
        input.put("answerZh", answerZh);
        input.put("questionEn", questionEn);
        input.put("answerEn", answerEn);
        return input;
    }
}
