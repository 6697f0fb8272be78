package cn.fapiao.ticket;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers before asking (a Chinese question finds its article without spaces) and the desk's statistics, counted against the tickets made here. */
@QuarkusTest
class KnowledgeAndStatisticsTest {

    private static final String AGENT = "a-support_agent";

    @Test
    void aChineseQuestionFindsItsArticle() {
        JsonPath saved = GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", article("VERIFICATION_PROBLEM",
                "发票查验时提示“查无此票”怎么办？", "新开具的发票通常需要一天才能在查验平台查到，请次日再查；仍查不到请核对发票代码和号码。",
                "Verification says the invoice does not exist", "Fresh invoices take about a day to appear; check again tomorrow and compare code and number."));
        String id = saved.get("data.saveKnowledgeArticle.id");
        assertNotNull(id, saved::prettify);
        GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", article("POLICY_QUESTION",
                "小规模纳税人可以开具增值税专用发票吗？", "可以，小规模纳税人可自行开具增值税专用发票。",
                "May small-scale taxpayers issue special VAT invoices?", "Yes, they may issue them themselves."));

        // Typed differently from the article, with no spaces: the character pairs still meet.
        JsonPath found = GraphQL.postFrom(Tickets.freshAddress(), null, "suggestArticles", "text", "为什么我的发票查验显示查无此票");
        assertEquals(id, found.get("data.suggestArticles.articles[0].id"), found::prettify);
        assertNotNull(found.get("data.suggestArticles.suggestionId"));
        JsonPath english = GraphQL.postFrom(Tickets.freshAddress(), null, "suggestArticles", "text", "invoice does not exist when I verify");
        assertEquals(id, english.get("data.suggestArticles.articles[0].id"), english::prettify);
        JsonPath otherCategory = GraphQL.postFrom(Tickets.freshAddress(), null, "suggestArticles", "text", "查无此票", "category", "COMPLAINT");
        assertEquals(List.of(), otherCategory.getList("data.suggestArticles.articles"));
        assertNull(otherCategory.get("data.suggestArticles.suggestionId"));

        // Switched off, it is not offered; agents of other organisations cannot edit it.
        Map<String, Object> off = article("VERIFICATION_PROBLEM", "发票查验时提示“查无此票”怎么办？", "x", "q", "a");
        off.put("id", id);
        off.put("active", false);
        assertEquals(false, GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", off).get("data.saveKnowledgeArticle.active"));
        assertFalse(GraphQL.postFrom(Tickets.freshAddress(), null, "suggestArticles", "text", "查无此票").prettify().contains("\"" + id + "\""));
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("b-support_agent"), "saveKnowledgeArticle", "input", off).get("errors[0].extensions.code"));
        off.put("id", "999999999");
        assertEquals("ARTICLE_NOT_FOUND", GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", off).get("errors[0].extensions.code"));
        assertEquals("text", GraphQL.post("suggestArticles", "text", "发".repeat(2001)).get("errors[0].extensions.field"));
    }

    @Test
    void statisticsMatchTheTicketsCreated() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> period = Map.of("from", today.minusDays(1).toString(), "to", today.plusDays(1).toString());
        JsonPath before = GraphQL.postAs(Tokens.of(AGENT), "supportStatistics", "period", period);
        assertNotNull(before.get("data.supportStatistics"), before::prettify);

        GraphQL.postAs(Tokens.of(AGENT), "saveKnowledgeArticle", "input", article("TECHNICAL_PROBLEM",
                "开票软件无法启动", "请重新安装开票软件。", "The invoicing software does not start", "Reinstall it."));
        // Shown twice: once followed by a ticket, once not (deflected).
        String followed = GraphQL.post("suggestArticles", "text", "开票软件启动不了").get("data.suggestArticles.suggestionId");
        assertNotNull(GraphQL.post("suggestArticles", "text", "开票软件打不开").get("data.suggestArticles.suggestionId"));
        var withSuggestion = Tickets.input("TECHNICAL_PROBLEM", "软件启动不了", "重装也不行");
        withSuggestion.put("suggestionId", followed);
        Tickets.Submitted one = Tickets.anonymous(withSuggestion);
        Tickets.Submitted two = Tickets.byUser("c-accountant", Tickets.input("POLICY_QUESTION", "专票", "能开吗"));
        Tickets.Submitted three = Tickets.byUser("c-accountant", Tickets.input("TECHNICAL_PROBLEM", "Slow", "Slow pages"));
        Tickets.agent("replyToTicket", "id", one.id(), "body", "请重装。");
        Tickets.agent("moveTicket", "id", one.id(), "action", "RESOLVE");
        one.send("rateTicket", Map.of("rating", 4));
        Tickets.agent("moveTicket", "id", two.id(), "action", "START_WORK");

        JsonPath after = GraphQL.postAs(Tokens.of(AGENT), "supportStatistics", "period", period);
        assertEquals(3, (int) after.get("data.supportStatistics.tickets") - (int) before.get("data.supportStatistics.tickets"), after::prettify);
        Map<String, Integer> category = delta(before, after, "byCategory");
        assertEquals(Map.of("TECHNICAL_PROBLEM", 2, "POLICY_QUESTION", 1), category);
        assertEquals(Map.of("NEW", 1, "IN_PROGRESS", 1, "RESOLVED", 1), delta(before, after, "byStatus"));
        assertEquals(Map.of("NORMAL", 2, "COMPLEX", 1), delta(before, after, "byLevel"));
        assertEquals(1, (int) after.get("data.supportStatistics.ratedTickets") - (int) before.get("data.supportStatistics.ratedTickets"));
        assertEquals(2, (int) after.get("data.supportStatistics.suggestionsShown") - (int) before.get("data.supportStatistics.suggestionsShown"));
        assertNotNull(after.get("data.supportStatistics.averageRating"));
        assertNotNull(after.get("data.supportStatistics.medianFirstResponseMinutes"));
        float deflection = after.getFloat("data.supportStatistics.deflectionRatePercent");
        assertTrue(deflection > 0 && deflection < 100, after::prettify);
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("b-support_agent"), "supportStatistics", "period", period).get("errors[0].extensions.code"));
        assertEquals("period", GraphQL.postAs(Tokens.of(AGENT), "supportStatistics", "period",
                Map.of("from", "2020-01-01", "to", "2026-01-01")).get("errors[0].extensions.field"));
    }

    private static Map<String, Integer> delta(JsonPath before, JsonPath after, String list) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> entry : after.<Map<String, Object>>getList("data.supportStatistics." + list)) {
            counts.merge((String) entry.get("key"), (Integer) entry.get("count"), Integer::sum);
        }
        for (Map<String, Object> entry : before.<Map<String, Object>>getList("data.supportStatistics." + list)) {
            counts.merge((String) entry.get("key"), -(Integer) entry.get("count"), Integer::sum);
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
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
