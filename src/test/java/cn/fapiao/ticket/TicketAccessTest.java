package cn.fapiao.ticket;

import cn.fapiao.domain.TrackingNumber;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees which ticket, tried the way an adversary would: mistyped and guessed numbers, wrong
 * keys, another ticket's key, other organisations through every path, agents of other
 * organisations, aliases, huge and odd input, and the anonymous budget.
 */
@QuarkusTest
class TicketAccessTest {

    @Test
    void aMistypedTrackingNumberIsMalformedNotMissing() {
        Tickets.Submitted mine = Tickets.anonymous("Typo test");
        String number = mine.trackingNumber();
        char last = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (last == '0' ? '1' : '0');
        String swapped = number.substring(0, 10) + number.charAt(11) + number.charAt(10) + number.substring(12);
        for (String wrong : List.of(typo, swapped, "FB-261340-00001-0", "hello", "x".repeat(5000))) {
            JsonPath body = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", wrong, "accessKey", mine.accessKey());
            if (wrong.equals(swapped) && number.charAt(11) == number.charAt(10)) {
                continue;
            }
            assertEquals("TRACKING_NUMBER_MALFORMED", body.get("errors[0].extensions.code"), wrong + ": " + body.prettify());
            assertEquals("trackingNumber", body.get("errors[0].extensions.field"));
            assertNull(body.get("data"));
        }
        // Spaces, lower case and missing hyphens are read as the same number.
        JsonPath relaxed = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", " " + number.replace("-", " ").toLowerCase() + " ",
                "accessKey", mine.accessKey());
        assertEquals(number, relaxed.get("data.ticket.trackingNumber"), relaxed::prettify);
    }

    @Test
    void aWrongKeyAndAGuessedNumberAnswerAlikeInSimilarTime() {
        Tickets.Submitted mine = Tickets.anonymous("Key test");
        Tickets.Submitted other = Tickets.anonymous("Other key test");
        TrackingNumber issued = TrackingNumber.parse(mine.trackingNumber()).orElseThrow();
        String neverIssued = new TrackingNumber(issued.day(), issued.sequence() + 50_000).text();
        JsonPath wrongKey = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", mine.trackingNumber(), "accessKey", "wrong");
        JsonPath othersKey = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", mine.trackingNumber(), "accessKey", other.accessKey());
        JsonPath noKey = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", mine.trackingNumber());
        JsonPath guessed = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", neverIssued, "accessKey", mine.accessKey());
        JsonPath hugeKey = GraphQL.postFrom(mine.address(), null, "ticket", "trackingNumber", mine.trackingNumber(), "accessKey", "k".repeat(100_000));
        for (JsonPath body : List.of(othersKey, noKey, guessed, hugeKey)) {
            assertEquals(wrongKey.prettify(), body.prettify(), "one answer for every kind of miss");
        }
        assertEquals("TICKET_NOT_FOUND", wrongKey.get("errors[0].extensions.code"));
        assertNull(wrongKey.get("data"));

        // Time: the median of each kind of miss, interleaved so that the machine's load hits both alike.
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        String address = Tickets.freshAddress();
        for (int i = 0; i < 25; i++) {
            wrong.add(timed(() -> GraphQL.postFrom(address, Tokens.of("b-accountant"), "ticket", "trackingNumber", mine.trackingNumber(), "accessKey", "wrong")));
            unknown.add(timed(() -> GraphQL.postFrom(address, Tokens.of("b-accountant"), "ticket", "trackingNumber", neverIssued, "accessKey", "wrong")));
        }
        long a = median(wrong);
        long b = median(unknown);
        assertTrue(Math.abs(a - b) < 5_000_000 || Math.max(a, b) < 2 * Math.min(a, b),
                "similar time: wrong key " + a / 1000 + " µs, unknown number " + b / 1000 + " µs");
    }

    @Test
    void otherOrganisationsSeeNothingThroughAnyPath() {
        Tickets.Submitted ours = Tickets.byUser("a-issuer", Tickets.input("COMPLAINT", "Org A only", "Nobody else may read this."));
        String number = ours.trackingNumber();
        // The same organisation sees it; B's users (even B's support agent, not the desk) do not, not even in lists.
        assertEquals(number, GraphQL.postAs(Tokens.of("a-auditor"), "ticket", "trackingNumber", number).get("data.ticket.trackingNumber"));
        for (String stranger : List.of("b-issuer", "b-admin", "b-support_agent", "c-accountant")) {
            JsonPath read = GraphQL.postAs(Tokens.of(stranger), "ticket", "trackingNumber", number);
            assertEquals("TICKET_NOT_FOUND", read.get("errors[0].extensions.code"), stranger + ": " + read.prettify());
            JsonPath list = GraphQL.postAs(Tokens.of(stranger), "tickets", "first", 100);
            assertFalse(list.prettify().contains(number), stranger + " lists it");
            for (var write : List.of(
                    List.of("answerTicket", Map.of("trackingNumber", number, "body", "hi")),
                    List.of("rateTicket", Map.of("trackingNumber", number, "rating", 1)),
                    List.of("addTicketAttachment", Map.of("trackingNumber", number, "fileName", "a.png", "contentBase64", Tickets.PNG_BASE64)))) {
                JsonPath body = GraphQL.postAs(Tokens.of(stranger), (String) write.get(0), "input", write.get(1));
                assertEquals("TICKET_NOT_FOUND", body.get("errors[0].extensions.code"), stranger + " " + write.get(0) + ": " + body.prettify());
            }
            JsonPath attachment = GraphQL.postAs(Tokens.of(stranger), "ticketAttachment", "trackingNumber", number, "id", "1");
            assertEquals("TICKET_NOT_FOUND", attachment.get("errors[0].extensions.code"));
        }
        // B's support agent is not the desk: no agent's moves on any ticket.
        JsonPath move = Tickets.asAgent("b-support_agent", "moveTicket", "id", ours.id(), "action", "ACKNOWLEDGE");
        assertEquals("FORBIDDEN", move.get("errors[0].extensions.code"), move::prettify);
        JsonPath note = Tickets.asAgent("b-support_agent", "replyToTicket", "id", ours.id(), "body", "x", "internal", true);
        assertEquals("FORBIDDEN", note.get("errors[0].extensions.code"));
        // An anonymous key opens its own ticket only; the organisation's ticket is not opened by it.
        Tickets.Submitted anonymous = Tickets.anonymous("Anonymous next to org A");
        JsonPath crossKey = GraphQL.postFrom(anonymous.address(), null, "ticket", "trackingNumber", number, "accessKey", anonymous.accessKey());
        assertEquals("TICKET_NOT_FOUND", crossKey.get("errors[0].extensions.code"));
        // Organisation users do not see anonymous tickets in their list either.
        assertFalse(GraphQL.postAs(Tokens.of("a-issuer"), "tickets", "first", 100).prettify().contains(anonymous.trackingNumber()));
        assertTrue(GraphQL.postAs(Tokens.of("a-support_agent"), "tickets", "first", 100).prettify().contains(anonymous.trackingNumber()));
        assertEquals("UNAUTHENTICATED", GraphQL.post("tickets").get("errors[0].extensions.code"));
    }

    @Test
    void submittersNeverSeeInternalNotesThroughAnyPath() {
        Tickets.Submitted ours = Tickets.byUser("a-issuer", Tickets.input("TECHNICAL_PROBLEM", "Notes test", "Internal notes stay inside."));
        Tickets.agent("replyToTicket", "id", ours.id(), "body", "INTERNAL-ONLY detail", "internal", true);
        Tickets.agent("replyToTicket", "id", ours.id(), "body", "Public answer");
        JsonPath read = GraphQL.postAs(Tokens.of("a-issuer"), "ticket", "trackingNumber", ours.trackingNumber());
        JsonPath answered = GraphQL.postAs(Tokens.of("a-issuer"), "answerTicket", "input", Map.of("trackingNumber", ours.trackingNumber(), "body", "thanks"));
        JsonPath attached = GraphQL.postAs(Tokens.of("a-issuer"), "addTicketAttachment", "input",
                Map.of("trackingNumber", ours.trackingNumber(), "fileName", "x.pdf", "contentBase64", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 test".getBytes())));
        for (JsonPath body : List.of(read, answered, attached)) {
            assertFalse(body.prettify().contains("INTERNAL-ONLY"), body::prettify);
            assertNotNull(body.get("data"), body::prettify);
        }
        assertEquals("application/pdf", attached.get("data.addTicketAttachment.attachments[0].mediaType"));
        assertTrue(GraphQL.postAs(Tokens.of("a-support_agent"), "ticket", "trackingNumber", ours.trackingNumber()).prettify().contains("INTERNAL-ONLY"));
    }

    @Test
    void aliasesAnswerEachOnItsOwn() {
        Tickets.Submitted mine = Tickets.anonymous("Alias test");
        JsonPath body = GraphQL.postFrom(mine.address(), null, "ticketAliases", "n", mine.trackingNumber(), "k", mine.accessKey());
        // The refused alias fails alone (the field is non-null, so the whole data goes), and nothing of the ticket leaks with it.
        assertEquals(List.of("TICKET_NOT_FOUND"), Tickets.codes(body), body::prettify);
        assertEquals(List.of("wrong"), body.getList("errors[0].path"));
        assertNull(body.get("data"));
        assertFalse(body.prettify().contains("Alias test"), body::prettify);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var huge = Tickets.input("OTHER", "Huge", "x".repeat(10_001));
        JsonPath tooLong = GraphQL.postFrom(Tickets.freshAddress(), null, "submitFeedback", "input", huge);
        assertEquals("VALIDATION_FAILED", tooLong.get("errors[0].extensions.code"), tooLong::prettify);
        assertEquals("input.description", tooLong.get("errors[0].extensions.field"));
        JsonPath control = GraphQL.postFrom(Tickets.freshAddress(), null, "submitFeedback", "input", Tickets.input("OTHER", "bell\u0007", "x"));
        assertEquals("VALIDATION_FAILED", control.get("errors[0].extensions.code"), control::prettify);
        assertEquals("input.subject", control.get("errors[0].extensions.field"));
        var findings = Tickets.input("MISSING_INVOICE", "Findings", "x");
        findings.put("diagnosisFindings", Collections.nCopies(31, "NO_EXPLANATION"));
        assertEquals("input.diagnosisFindings", GraphQL.postFrom(Tickets.freshAddress(), null, "submitFeedback", "input", findings)
                .get("errors[0].extensions.field"));
        findings.put("diagnosisFindings", List.of("drop table;"));
        assertEquals("input.diagnosisFindings[0]", GraphQL.postFrom(Tickets.freshAddress(), null, "submitFeedback", "input", findings)
                .get("errors[0].extensions.field"));
        var blank = Tickets.input("OTHER", "   ", "x");
        assertEquals("input.subject", GraphQL.postFrom(Tickets.freshAddress(), null, "submitFeedback", "input", blank).get("errors[0].extensions.field"));
        // Emoji and CJK outside the basic plane are text like any other.
        Tickets.Submitted odd = Tickets.anonymous(Tickets.input("OTHER", "𠮷野家 🧾", "𩸽 \t tab and\r\nline breaks"));
        assertEquals("𠮷野家 🧾", odd.read().get("data.ticket.subject"));
        // Attachments: too large, not base64, not an accepted kind.
        Tickets.Submitted mine = Tickets.anonymous("Attachment limits");
        String big = java.util.Base64.getEncoder().encodeToString(pngOf(600_000));
        assertEquals("ATTACHMENT_TOO_LARGE", mine.send("addTicketAttachment", Map.of("fileName", "big.png", "contentBase64", big))
                .get("errors[0].extensions.code"));
        assertEquals("input.contentBase64", mine.send("addTicketAttachment", Map.of("fileName", "a.png", "contentBase64", "***"))
                .get("errors[0].extensions.field"));
        JsonPath gif = mine.send("addTicketAttachment", Map.of("fileName", "a.png", "contentBase64", java.util.Base64.getEncoder().encodeToString("GIF89a....".getBytes())));
        assertEquals("ATTACHMENT_TYPE_NOT_ALLOWED", gif.get("errors[0].extensions.code"));
    }

    @Test
    void anAttachmentBudgetPerTicket() {
        Tickets.Submitted mine = Tickets.anonymous("Attachment budget");
        String file = java.util.Base64.getEncoder().encodeToString(pngOf(500_000));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            JsonPath body = mine.send("addTicketAttachment", Map.of("fileName", "p" + i + ".png", "contentBase64", file));
            codes.add(body.get("errors") == null ? "OK" : body.get("errors[0].extensions.code"));
        }
        // 4 MiB per ticket: eight files of 500,000 bytes fit, the ninth does not.
        assertEquals(List.of("OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "ATTACHMENT_TOO_LARGE"), codes);
    }

    @Test
    void anonymousSubmissionsAreRateLimitedPerAddress() {
        String address = Tickets.freshAddress();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonPath body = GraphQL.postFrom(address, null, "submitFeedback", "input", Tickets.input("OTHER", "Spam " + i, "x"));
            codes.add(body.get("errors") == null ? "OK" : body.get("errors[0].extensions.code"));
        }
        assertEquals(List.of("OK", "OK", "OK", "OK", "OK", "RATE_LIMITED"), codes);
        // Another address is not held back.
        assertNotNull(Tickets.anonymous("After the spam").trackingNumber());
    }

    private static byte[] pngOf(int size) {
        byte[] content = new byte[size];
        byte[] png = java.util.Base64.getDecoder().decode(Tickets.PNG_BASE64);
        System.arraycopy(png, 0, content, 0, png.length);
        return content;
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
