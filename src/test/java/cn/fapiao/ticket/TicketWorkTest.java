package cn.fapiao.ticket;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agents' moves beyond the loop: levels with reasons, assignment, refused transitions, merging, a low rating, paging. */
@QuarkusTest
class TicketWorkTest {

    @Test
    void anAgentReadsANewUnassignedTicketWithoutMessages() {
        Tickets.Submitted fresh = Tickets.anonymous("未分配的新工单");
        JsonPath read = GraphQL.postAs(Tokens.of("a-support_agent"), "ticket", "trackingNumber", fresh.trackingNumber());
        assertNull(read.get("errors"), read::prettify); // was INTERNAL_ERROR: an unassigned ticket's assignee looked up as a null key
        assertEquals("NEW", read.get("data.ticket.status"));
    }

    @Test
    void aLevelChangeKeepsItsReasonAndMovesTheDueTimes() {
        Tickets.Submitted mine = Tickets.anonymous(Tickets.input("TECHNICAL_PROBLEM", "系统崩溃", "所有用户无法登录"));
        assertEquals("URGENT", mine.body().get("data.submitFeedback.ticket.level"), "proposed from the content");
        JsonPath missingReason = Tickets.agent("setTicketLevel", "id", mine.id(), "level", "COMPLEX", "reason", " ");
        assertEquals("input.reason", missingReason.get("errors[0].extensions.field"));
        JsonPath changed = Tickets.agent("setTicketLevel", "id", mine.id(), "level", "COMPLEX", "reason", "only one customer affected");
        assertEquals("COMPLEX", changed.get("data.setTicketLevel.level"), changed::prettify);
        assertEquals("URGENT", changed.get("data.setTicketLevel.proposedLevel"));
        assertNotNull(changed.get("data.setTicketLevel.resolutionDue"), "COMPLEX has a resolution target");
        Map<String, Object> entry = changed.getMap("data.setTicketLevel.history.find { it.change == 'LEVEL' }");
        assertEquals(Map.of("from", "URGENT", "to", "COMPLEX", "reason", "only one customer affected", "actorName", "a-support_agent"),
                Map.of("from", entry.get("from"), "to", entry.get("to"), "reason", entry.get("reason"), "actorName", entry.get("actorName")));
    }

    @Test
    void assignmentOnlyToTheDesksAgents() {
        Tickets.Submitted mine = Tickets.anonymous("Assignment");
        String agentId = GraphQL.postAs(Tokens.of("a-support_agent"), "me").get("data.me.id");
        JsonPath assigned = Tickets.agent("assignTicket", "id", mine.id(), "assigneeId", agentId, "team", "invoices");
        assertEquals("a-support_agent", assigned.get("data.assignTicket.assignee"), assigned::prettify);
        String otherAgent = GraphQL.postAs(Tokens.of("b-support_agent"), "me").get("data.me.id");
        String issuer = GraphQL.postAs(Tokens.of("a-issuer"), "me").get("data.me.id");
        for (String wrong : List.of(otherAgent, issuer, "999999", "abc")) {
            JsonPath refused = Tickets.agent("assignTicket", "id", mine.id(), "assigneeId", wrong);
            assertEquals("input.assigneeId", refused.get("errors[0].extensions.field"), wrong + ": " + refused.prettify());
        }
        JsonPath mineOnly = GraphQL.postAs(Tokens.of("a-support_agent"), "tickets", "filter", Map.of("assigneeId", agentId), "first", 100);
        assertTrue(mineOnly.getList("data.tickets.edges.node.trackingNumber").contains(mine.trackingNumber()));
    }

    @Test
    void transitionsOutsideTheWorkflowAreRefused() {
        Tickets.Submitted mine = Tickets.anonymous("Transitions");
        for (String action : List.of("RESOLVE", "CLOSE", "REOPEN", "ASK_SUBMITTER")) {
            JsonPath refused = Tickets.agent("moveTicket", "id", mine.id(), "action", action);
            assertEquals("TICKET_TRANSITION_NOT_ALLOWED", refused.get("errors[0].extensions.code"), action + ": " + refused.prettify());
        }
        assertEquals("input.action", Tickets.agent("moveTicket", "id", mine.id(), "action", "MERGE").get("errors[0].extensions.field"));
        assertEquals("TICKET_NOT_FOUND", Tickets.agent("moveTicket", "id", "999999999", "action", "ACKNOWLEDGE").get("errors[0].extensions.code"));
        assertEquals("TICKET_NOT_FOUND", Tickets.agent("moveTicket", "id", "x", "action", "ACKNOWLEDGE").get("errors[0].extensions.code"));
        // The submitter cannot rate before resolution.
        assertEquals("TICKET_RATING_NOT_ALLOWED", mine.send("rateTicket", Map.of("rating", 5)).get("errors[0].extensions.code"));
        assertEquals("input.rating", mine.send("rateTicket", Map.of("rating", 6)).get("errors[0].extensions.field"));
    }

    @Test
    void aMergedTicketsNumberAndKeyLeadToTheSurvivor() {
        Tickets.Submitted first = Tickets.anonymous("Duplicate one");
        Tickets.Submitted second = Tickets.anonymous("Duplicate two");
        second.send("addTicketAttachment", Map.of("fileName", "a.png", "contentBase64", Tickets.PNG_BASE64));
        JsonPath merged = Tickets.agent("mergeTicket", "id", second.id(), "intoId", first.id());
        assertEquals(first.trackingNumber(), merged.get("data.mergeTicket.trackingNumber"), merged::prettify);
        assertEquals(1, merged.getList("data.mergeTicket.attachments").size(), "the attachments move along");
        JsonPath followed = second.read();
        assertEquals(first.trackingNumber(), followed.get("data.ticket.trackingNumber"), followed::prettify);
        JsonPath answered = second.send("answerTicket", Map.of("body", "Any news?"));
        assertEquals(first.trackingNumber(), answered.get("data.answerTicket.trackingNumber"), answered::prettify);
        // Not twice, not into itself, not across organisations.
        assertEquals("TICKET_MERGE_NOT_ALLOWED", Tickets.agent("mergeTicket", "id", first.id(), "intoId", first.id()).get("errors[0].extensions.code"));
        assertEquals("TICKET_MERGE_NOT_ALLOWED", Tickets.agent("mergeTicket", "id", first.id(), "intoId", second.id()).get("errors[0].extensions.code"));
        Tickets.Submitted orgA = Tickets.byUser("a-issuer", Tickets.input("OTHER", "Org A", "x"));
        assertEquals("TICKET_MERGE_NOT_ALLOWED", Tickets.agent("mergeTicket", "id", orgA.id(), "intoId", first.id()).get("errors[0].extensions.code"));
    }

    @Test
    void aLowRatingReopensForTheLeadsReview() {
        Tickets.Submitted mine = Tickets.anonymous("Low rating");
        Tickets.agent("moveTicket", "id", mine.id(), "action", "START_WORK");
        Tickets.agent("moveTicket", "id", mine.id(), "action", "RESOLVE");
        JsonPath byAgent = GraphQL.postAs(Tokens.of("a-support_agent"), "rateTicket", "input", Map.of("trackingNumber", mine.trackingNumber(), "rating", 5));
        assertEquals("TICKET_RATING_NOT_ALLOWED", byAgent.get("errors[0].extensions.code"), "the desk does not rate itself");
        JsonPath rated = mine.send("rateTicket", Map.of("rating", 1, "comment", "没解决"));
        assertEquals("IN_PROGRESS", rated.get("data.rateTicket.status"), rated::prettify);
        assertNull(rated.get("data.rateTicket.needsLeadReview"), "the submitter does not see the desk's flags");
        JsonPath agentView = GraphQL.postAs(Tokens.of("a-support_agent"), "ticket", "trackingNumber", mine.trackingNumber());
        assertEquals(true, agentView.get("data.ticket.needsLeadReview"));
        assertEquals("a-support_agent", agentView.get("data.ticket.assignee"), "the team lead");
        assertEquals("TICKET_RATING_NOT_ALLOWED", mine.send("rateTicket", Map.of("rating", 5)).get("errors[0].extensions.code"));
    }

    @Test
    void theListPagesWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            Tickets.byUser("c-accountant", Tickets.input("SUGGESTION", "Page " + i, "x"));
        }
        List<String> all = GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "first", 100).getList("data.tickets.edges.node.id");
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            JsonPath page = GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "first", 2, "after", after);
            paged.addAll(page.getList("data.tickets.edges.node.id"));
            after = page.getBoolean("data.tickets.pageInfo.hasNextPage") ? page.get("data.tickets.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(all, paged);
        assertEquals("first", GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "first", 101).get("errors[0].extensions.field"));
        assertEquals("after", GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "after", "bm9wZQ").get("errors[0].extensions.field"));
    }

    @Test
    void theQueueByStatusPagesNewestFirstAcrossStatusesWithoutGapsOrRepeats() {
        // An organisation's own tickets in three states; the desk's queue (one limited scan per status, merged) must
        // interleave them by submission time, page by page, whatever the statuses asked and however often.
        List<String> newest = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Tickets.Submitted t = Tickets.byUser("c-issuer", Tickets.input("SUGGESTION", "Queue " + i, "x"));
            if (i % 3 == 1) {
                Tickets.agent("moveTicket", "id", t.id(), "action", "ACKNOWLEDGE");
            } else if (i % 3 == 2) {
                Tickets.agent("moveTicket", "id", t.id(), "action", "START_WORK");
            }
            newest.add(0, t.id());
        }
        Map<String, Object> open = Map.of("status", List.of("IN_PROGRESS", "NEW", "ACKNOWLEDGED", "NEW"));
        // The organisation's users see exactly their six, newest first, in pages of 4 and 2.
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            JsonPath page = GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "filter", open, "first", 4, "after", after);
            paged.addAll(page.getList("data.tickets.edges.node.id"));
            after = page.getBoolean("data.tickets.pageInfo.hasNextPage") ? page.get("data.tickets.pageInfo.endCursor") : null;
        } while (after != null);
        List<String> visible = GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "first", 100).getList("data.tickets.edges.node.id");
        List<String> expected = visible.stream().filter(id -> paged.contains(id)).toList();
        assertEquals(expected, paged, "pages in the order of the whole list, none twice");
        assertTrue(paged.containsAll(newest), paged::toString);
        // The desk sees them among everyone's, in the same order, with the same paging.
        List<String> desk = new java.util.ArrayList<>();
        after = null;
        for (int page = 0; page < 200; page++) {
            JsonPath body = GraphQL.postAs(Tokens.of("a-support_agent"), "tickets", "filter", open, "first", 50, "after", after);
            desk.addAll(body.getList("data.tickets.edges.node.id"));
            if (!body.getBoolean("data.tickets.pageInfo.hasNextPage")) {
                break;
            }
            after = body.get("data.tickets.pageInfo.endCursor");
        }
        assertEquals(desk.size(), new java.util.HashSet<>(desk).size(), "no ticket twice");
        assertEquals(newest, desk.stream().filter(newest::contains).toList());
        // One status only: just those.
        List<String> acknowledged = GraphQL.postAs(Tokens.of("c-accountant"), "tickets", "filter", Map.of("status", List.of("ACKNOWLEDGED")), "first", 100)
                .getList("data.tickets.edges.node.status");
        assertTrue(!acknowledged.isEmpty() && acknowledged.stream().allMatch("ACKNOWLEDGED"::equals), acknowledged::toString);
        // Another organisation sees none of them, by status or not.
        List<String> stranger = GraphQL.postAs(Tokens.of("b-accountant"), "tickets", "filter", open, "first", 100).getList("data.tickets.edges.node.id");
        assertTrue(stranger.stream().noneMatch(newest::contains), stranger::toString);
    }
}
