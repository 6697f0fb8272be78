package cn.fapiao.ticket;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop of the "Done when": an anonymous submission with an attachment, followed
 * with its key, acknowledged, answered, put on hold for the submitter's information (its clock
 * paused), answered by the submitter, resolved and rated, each step seen from both sides, and
 * each change announced in the event outbox without the text of internal notes.
 */
@QuarkusTest
class FeedbackLoopTest {

    @Inject
    Pool database;

    @Test
    void anonymousSubmissionToRating() {
        var input = Tickets.input("MISSING_INVOICE", "发票查不到", "我在平台上找不到供应商开给我们的发票。");
        input.put("contact", "13800138000");
        input.put("invoiceReference", "26112000000135114086");
        input.put("diagnosisFindings", List.of("NO_EXPLANATION", "TOO_NEW"));
        Tickets.Submitted mine = Tickets.anonymous(input);
        assertTrue(mine.trackingNumber().matches("FB-\\d{6}-\\d{5}-[0-9A-Z]"), mine.trackingNumber());
        assertTrue(mine.accessKey().length() >= 32, "a long random key");
        JsonPath submitted = mine.body();
        assertEquals("NEW", submitted.get("data.submitFeedback.ticket.status"));
        assertEquals("NORMAL", submitted.get("data.submitFeedback.ticket.level"));
        assertEquals(List.of("NO_EXPLANATION", "TOO_NEW"), submitted.getList("data.submitFeedback.ticket.diagnosisFindings"));
        assertNull(submitted.get("data.submitFeedback.ticket.contact"), "the contact is for agents");
        assertEquals(0, submitted.getList("data.submitFeedback.ticket.history").size(), "the history is for agents");
        // The contact is encrypted at rest; the key only as a hash.
        Row stored = database.preparedQuery("select contact, access_key_hash from support_ticket where tracking_number = $1")
                .execute(Tuple.of(mine.trackingNumber())).await().indefinitely().iterator().next();
        assertTrue(stored.getString("contact").startsWith("v1:"), stored.getString("contact"));
        assertFalse(stored.getString("contact").contains("13800138000"));
        assertEquals(32, stored.getBuffer("access_key_hash").length());

        // An attachment: the photo of the invoice; content decides its type, not its name.
        JsonPath attached = mine.send("addTicketAttachment", Map.of("fileName", "发票.png", "contentBase64", Tickets.PNG_BASE64));
        assertEquals("image/png", attached.get("data.addTicketAttachment.attachments[0].mediaType"), attached::prettify);
        String attachmentId = attached.get("data.addTicketAttachment.attachments[0].id");
        JsonPath notAnImage = mine.send("addTicketAttachment", Map.of("fileName", "invoice.png",
                "contentBase64", Base64.getEncoder().encodeToString("<html>not a picture</html>".getBytes())));
        assertEquals("ATTACHMENT_TYPE_NOT_ALLOWED", notAnImage.get("errors[0].extensions.code"), notAnImage::prettify);

        // The submitter follows the ticket with the key, and downloads the attachment again.
        JsonPath followed = mine.read();
        assertEquals("NEW", followed.get("data.ticket.status"), followed::prettify);
        assertEquals(1, followed.getList("data.ticket.attachments").size());
        JsonPath download = GraphQL.postFrom(mine.address(), null, "ticketAttachment", "trackingNumber", mine.trackingNumber(),
                "accessKey", mine.accessKey(), "id", attachmentId);
        assertEquals(Tickets.PNG_BASE64, download.get("data.ticketAttachment.contentBase64"), download::prettify);

        // The agent acknowledges, sees the contact decrypted, replies, notes internally and asks for information.
        JsonPath acknowledged = Tickets.agent("moveTicket", "id", mine.id(), "action", "ACKNOWLEDGE");
        assertEquals("ACKNOWLEDGED", acknowledged.get("data.moveTicket.status"), acknowledged::prettify);
        assertEquals("13800138000", acknowledged.get("data.moveTicket.contact"));
        JsonPath replied = Tickets.agent("replyToTicket", "id", mine.id(), "body", "我们正在核查。");
        assertNotNull(replied.get("data.replyToTicket.firstRespondedAt"), replied::prettify);
        Tickets.agent("replyToTicket", "id", mine.id(), "body", "SECRET-NOTE: seller is on our watch list", "internal", true);
        JsonPath asked = Tickets.agent("replyToTicket", "id", mine.id(), "body", "请提供发票代码。", "askSubmitter", true);
        assertEquals("WAITING_ON_SUBMITTER", asked.get("data.replyToTicket.status"), asked::prettify);
        OffsetDateTime dueWhileWaiting = OffsetDateTime.parse(asked.get("data.replyToTicket.firstResponseDue"));

        // Two hours pass while the ticket waits: they do not count against the desk.
        database.preparedQuery("update support_ticket set waiting_since = waiting_since - interval '2 hours' where id = $1")
                .execute(Tuple.of(Long.parseLong(mine.id()))).await().indefinitely();
        JsonPath answered = mine.send("answerTicket", Map.of("body", "发票代码是 011001800604。"));
        assertEquals("IN_PROGRESS", answered.get("data.answerTicket.status"), answered::prettify);
        OffsetDateTime dueAfterAnswer = OffsetDateTime.parse(answered.get("data.answerTicket.firstResponseDue"));
        Duration moved = Duration.between(dueWhileWaiting, dueAfterAnswer);
        assertTrue(moved.compareTo(Duration.ofHours(2)) >= 0 && moved.compareTo(Duration.ofHours(2).plusMinutes(1)) < 0,
                "the due time moved on by the time waited: " + moved);

        JsonPath resolved = Tickets.agent("moveTicket", "id", mine.id(), "action", "RESOLVE", "reason", "seller re-issued");
        assertEquals("RESOLVED", resolved.get("data.moveTicket.status"), resolved::prettify);
        List<String> changes = resolved.getList("data.moveTicket.history.to");
        assertTrue(changes.containsAll(List.of("ACKNOWLEDGED", "WAITING_ON_SUBMITTER", "IN_PROGRESS", "RESOLVED")), changes::toString);

        // The submitter sees the resolution, never the internal note, and rates once.
        JsonPath seen = mine.read();
        assertEquals("RESOLVED", seen.get("data.ticket.status"));
        assertFalse(seen.prettify().contains("SECRET-NOTE"), seen::prettify);
        assertEquals(List.of(false, false, false), seen.getList("data.ticket.messages.internal"));
        assertEquals(List.of("AGENT", "AGENT", "SUBMITTER"), seen.getList("data.ticket.messages.author"));
        assertNull(seen.get("data.ticket.messages[0].authorName"), "agents' names stay inside");
        JsonPath rated = mine.send("rateTicket", Map.of("rating", 5, "comment", "很快，谢谢"));
        assertEquals(5, (Integer) rated.get("data.rateTicket.rating"), rated::prettify);
        assertEquals("RESOLVED", rated.get("data.rateTicket.status"));
        JsonPath again = mine.send("rateTicket", Map.of("rating", 1));
        assertEquals("TICKET_RATING_NOT_ALLOWED", again.get("errors[0].extensions.code"), again::prettify);

        // Every change is an event for nobody's organisation; the note's event holds no text.
        List<String> events = new ArrayList<>();
        for (Row row : database.preparedQuery("select kind, organisation_ids::text as orgs, data::text as data from event_outbox where subject_id = $1 and kind = 'ticket.updated' order by id")
                .execute(Tuple.of(Long.parseLong(mine.id()))).await().indefinitely()) {
            assertEquals("{}", row.getString("orgs"));
            events.add(row.getString("data"));
        }
        assertTrue(events.size() >= 10, events::toString);
        assertTrue(events.stream().noneMatch(e -> e.contains("SECRET") || e.contains("13800138000")), events::toString);
        assertTrue(events.stream().anyMatch(e -> e.contains("\"change\": \"note\"") && e.contains("\"public\": false")), events::toString);
        assertTrue(events.get(0).contains(mine.trackingNumber()) && events.get(0).contains("\"change\": \"created\""), events.get(0));
    }

    @Test
    void aLoggedInSubmittersOrganisationFollowsWithoutKey() {
        Tickets.Submitted ours = Tickets.byUser("a-issuer", Tickets.input("VERIFICATION_PROBLEM", "Verification slow", "It takes a minute."));
        assertNull(ours.accessKey(), "no key for logged-in submitters");
        JsonPath colleague = GraphQL.postAs(Tokens.of("a-accountant"), "ticket", "trackingNumber", ours.trackingNumber());
        assertEquals("NEW", colleague.get("data.ticket.status"), colleague::prettify);
        Row events = database.preparedQuery("select organisation_ids[1] as org from event_outbox where subject_id = $1 and kind = 'ticket.updated'")
                .execute(Tuple.of(Long.parseLong(ours.id()))).await().indefinitely().iterator().next();
        assertNotNull(events.getLong("org"));
    }
}
