package cn.fapiao.security;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.GraphQLSocket;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every root field of the published schema, with who may call it: each other role is refused
 * with FORBIDDEN and an anonymous caller with UNAUTHENTICATED, and nothing else comes back. A new
 * operation fails {@link #everyOperationIsInTheMatrix()} until it is added here with its roles.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    /** Who may call an operation: nobody needs to log in, any logged-in user, or these roles. */
    record Access(boolean loginOptional, Set<Role> roles) {
        static Access everyone() {
            return new Access(true, EnumSet.allOf(Role.class));
        }

        static Access anyUser() {
            return new Access(false, EnumSet.allOf(Role.class));
        }

        static Access roles(Role first, Role... rest) {
            return new Access(false, EnumSet.of(first, rest));
        }
    }

    record Operation(String document, Access access, Object... variables) {
    }

    /** Reports: accountants run them, auditors read everything of their organisation. */
    private static final Access REPORT_READERS = Access.roles(Role.ACCOUNTANT, Role.AUDITOR);
    private static final Access READERS = Access.roles(Role.ISSUER, Role.ACCOUNTANT, Role.AUDITOR, Role.PARTNER, Role.ADMIN);
    private static final Map<String, Object> ISSUE_INPUT = Invoices.toOrgB(List.of(Invoices.line("x", "1.00", "0.13")));

    private static Map<String, Operation> matrix() {
        Map<String, Operation> m = new LinkedHashMap<>();
        m.put("decodeInvoiceCode", new Operation("decodeInvoiceCode", Access.everyone(), "code", "011001800604"));
        m.put("decodeInvoiceNumber", new Operation("decodeInvoiceNumber", Access.everyone(), "number", "24112000000135114086"));
        m.put("validateTaxId", new Operation("validateTaxId", Access.everyone(), "taxId", "91110000802100433B"));
        m.put("amountInWords", new Operation("amountInWords", Access.everyone(), "amount", "1.00"));
        m.put("login", new Operation("login", Access.everyone(), "username", "nobody", "password", "x"));
        m.put("refreshToken", new Operation("refreshToken", Access.everyone(), "refreshToken", "x"));
        m.put("logout", new Operation("logout", Access.everyone(), "refreshToken", "x"));
        m.put("me", new Operation("me", Access.anyUser()));
        // Without a token the account is named by username and password (enrolment the organisation requires at login).
        m.put("enrolTotp", new Operation("enrolTotp", Access.everyone(), "password", "x", "username", "nobody"));
        m.put("confirmTotp", new Operation("confirmTotp", Access.everyone(), "code", "000000", "username", "nobody", "password", "x"));
        m.put("disableTotp", new Operation("disableTotp", Access.anyUser(), "password", "x", "code", "000000"));
        m.put("changePassword", new Operation("changePassword", Access.anyUser(), "oldPassword", "x", "newPassword", "long-enough-password"));
        m.put("verifyInvoice", new Operation("verifyInvoice", Access.anyUser(), "input", Map.of("number", "26112999999999999999", "issueDate", "2026-01-05")));
        m.put("verifyInvoices", new Operation("verifyInvoices", Access.anyUser(), "inputs", List.of(Map.of("number", "26112999999999999999", "issueDate", "2026-01-05"))));
        m.put("diagnoseInvoice", new Operation("diagnoseInvoice", Access.anyUser(), "input", Map.of("number", "26112999999999999999")));
        m.put("users", new Operation("users", Access.roles(Role.ADMIN)));
        m.put("createUser", new Operation("createUser", Access.roles(Role.ADMIN), "input", Map.of("username", "never-created", "password", "long-enough-password", "roles", List.of("ISSUER"))));
        m.put("updateUser", new Operation("updateUser", Access.roles(Role.ADMIN), "input", Map.of("id", "1", "displayName", "x")));
        m.put("resetTotp", new Operation("resetTotp", Access.roles(Role.ADMIN), "id", "0"));
        m.put("totpPolicy", new Operation("totpPolicy", Access.roles(Role.ADMIN)));
        m.put("setTotpPolicy", new Operation("setTotpPolicy", Access.roles(Role.ADMIN), "roles", List.of()));
        m.put("auditLog", new Operation("auditLog", Access.roles(Role.AUDITOR, Role.ADMIN)));
        m.put("webhookEndpoints", new Operation("webhookEndpoints", Access.roles(Role.ADMIN)));
        m.put("registerWebhookEndpoint", new Operation("registerWebhookEndpoint", Access.roles(Role.ADMIN),
                "input", Map.of("url", "http://127.0.0.1:9/never-registered", "eventKinds", List.of("INVOICE_STATUS"))));
        m.put("updateWebhookEndpoint", new Operation("updateWebhookEndpoint", Access.roles(Role.ADMIN), "input", Map.of("id", "0", "active", false)));
        m.put("rotateWebhookSecret", new Operation("rotateWebhookSecret", Access.roles(Role.ADMIN), "id", "0"));
        m.put("deleteWebhookEndpoint", new Operation("deleteWebhookEndpoint", Access.roles(Role.ADMIN), "id", "0"));
        m.put("webhookDeliveries", new Operation("webhookDeliveries", Access.roles(Role.ADMIN)));
        m.put("replayWebhookDelivery", new Operation("replayWebhookDelivery", Access.roles(Role.ADMIN), "id", "0"));
        m.put("invoice", new Operation("invoice", READERS, "id", "1"));
        m.put("invoiceByNumber", new Operation("invoiceByNumber", READERS, "number", "26112999999999999999"));
        m.put("invoices", new Operation("invoices", READERS));
        m.put("verificationLog", new Operation("verificationLog", READERS, "invoiceId", "1"));
        m.put("previewInvoice", new Operation("previewInvoice", Access.roles(Role.ISSUER), "input", ISSUE_INPUT));
        m.put("issueInvoice", new Operation("issueInvoice", Access.roles(Role.ISSUER), "input", ISSUE_INPUT));
        m.put("voidInvoice", new Operation("voidInvoice", Access.roles(Role.ISSUER), "input", Map.of("id", "1", "reason", "x")));
        m.put("redReverseInvoice", new Operation("redReverseInvoice", Access.roles(Role.ISSUER), "input", Map.of("id", "1", "reasonCode", 1)));
        m.put("confirmInvoiceUse", new Operation("confirmInvoiceUse", Access.roles(Role.ACCOUNTANT), "id", "1"));
        m.put("setInvoiceTaxStatus", new Operation("setInvoiceTaxStatus", Access.roles(Role.PARTNER), "input", Map.of("id", "1", "status", "ABNORMAL", "reason", "x")));
        m.put("importInvoices", new Operation("importInvoices", Access.roles(Role.PARTNER), "input",
                Map.of("idempotencyKey", "never-run", "source", "matrix", "invoices", List.of(Map.of("number", "26112999999999999999")))));
        m.put("invoiceStatusChanged", new Operation("invoiceStatusChanged", READERS));
        Map<String, Object> january = Map.of("period", Map.of("kind", "MONTH", "year", 2026, "month", 1));
        m.put("invoiceStatistics", new Operation("invoiceStatistics", REPORT_READERS, "input", january));
        m.put("vatSummary", new Operation("vatSummary", REPORT_READERS, "year", 2026, "month", 1));
        m.put("vatSummaryInvoices", new Operation("vatSummaryInvoices", REPORT_READERS, "year", 2026, "month", 1, "figure", "INPUT_TAX"));
        // The feedback desk: anyone submits, follows with a key, answers, rates, attaches and asks the knowledge base;
        // the list needs a login; the desk's work needs SUPPORT_AGENT (of the desk's organisation: TicketAccessTest).
        Map<String, Object> feedback = Map.of("category", "OTHER", "subject", "matrix", "description", "matrix");
        String unknownTicket = new cn.fapiao.domain.TrackingNumber(java.time.LocalDate.of(2026, 11, 30), 99_999_999).text();
        m.put("submitFeedback", new Operation("submitFeedback", Access.everyone(), "input", feedback));
        m.put("ticket", new Operation("ticket", Access.everyone(), "trackingNumber", unknownTicket));
        m.put("ticketAttachment", new Operation("ticketAttachment", Access.everyone(), "trackingNumber", unknownTicket, "id", "1"));
        m.put("answerTicket", new Operation("answerTicket", Access.everyone(), "input", Map.of("trackingNumber", unknownTicket, "body", "x")));
        m.put("rateTicket", new Operation("rateTicket", Access.everyone(), "input", Map.of("trackingNumber", unknownTicket, "rating", 5)));
        m.put("addTicketAttachment", new Operation("addTicketAttachment", Access.everyone(), "input",
                Map.of("trackingNumber", unknownTicket, "fileName", "a.pdf", "contentBase64", "JVBERi0=")));
        m.put("ticketUpdated", new Operation("ticketUpdated", Access.everyone(), "trackingNumber", unknownTicket));
        m.put("suggestArticles", new Operation("suggestArticles", Access.everyone(), "text", "发票"));
        m.put("tickets", new Operation("tickets", Access.anyUser()));
        m.put("moveTicket", new Operation("moveTicket", Access.roles(Role.SUPPORT_AGENT), "input", Map.of("id", "0", "action", "ACKNOWLEDGE")));
        m.put("replyToTicket", new Operation("replyToTicket", Access.roles(Role.SUPPORT_AGENT), "input", Map.of("id", "0", "body", "x")));
        m.put("assignTicket", new Operation("assignTicket", Access.roles(Role.SUPPORT_AGENT), "input", Map.of("id", "0", "team", "x")));
        m.put("setTicketLevel", new Operation("setTicketLevel", Access.roles(Role.SUPPORT_AGENT), "input", Map.of("id", "0", "level", "URGENT", "reason", "x")));
        m.put("mergeTicket", new Operation("mergeTicket", Access.roles(Role.SUPPORT_AGENT), "input", Map.of("id", "0", "intoId", "1")));
        m.put("saveKnowledgeArticle", new Operation("saveKnowledgeArticle", Access.roles(Role.SUPPORT_AGENT), "input",
                Map.of("id", "0", "category", "OTHER", "questionZh", "x", "answerZh", "x", "questionEn", "x", "answerEn", "x")));
        m.put("knowledgeArticles", new Operation("knowledgeArticles", Access.roles(Role.SUPPORT_AGENT)));
        m.put("setKnowledgeArticleActive", new Operation("setKnowledgeArticleActive", Access.roles(Role.SUPPORT_AGENT), "id", "0", "active", false));
        // The desk's calendar: its agents read it, its organisation's admins keep it (SupportCalendarTest: not another organisation's).
        m.put("supportCalendar", new Operation("supportCalendar", Access.roles(Role.SUPPORT_AGENT, Role.ADMIN), "year", 2025));
        m.put("setSupportCalendarDay", new Operation("setSupportCalendarDay", Access.roles(Role.ADMIN), "input",
                Map.of("day", "2099-01-03", "kind", "MAKE_UP_WORKING_DAY", "name", "matrix")));
        m.put("removeSupportCalendarDay", new Operation("removeSupportCalendarDay", Access.roles(Role.ADMIN), "day", "2099-01-03"));
        m.put("supportStatistics", new Operation("supportStatistics", Access.roles(Role.SUPPORT_AGENT), "period", Map.of("from", "2026-01-01", "to", "2026-01-31")));
        m.put("invoiceRegister", new Operation("invoiceRegister", READERS, "input", Map.of("from", "2013-01-01", "to", "2013-01-31")));
        m.put("createDownloadLink", new Operation("createDownloadLink", READERS, "input",
                Map.of("kind", "INVOICE_REGISTER", "format", "CSV", "from", "2013-01-01", "to", "2013-01-31")));
        return m;
    }

    @Test
    void everyOperationIsInTheMatrix() throws IOException {
        String schema = Files.readString(Path.of("schema/schema.graphql"));
        Set<String> published = new TreeSet<>();
        for (String type : List.of("Query", "Mutation", "Subscription")) {
            Matcher block = Pattern.compile("type " + type + " \\{(.*?)\\n}", Pattern.DOTALL).matcher(schema);
            if (block.find()) {
                Matcher field = Pattern.compile("^\\s{2}(\\w+)", Pattern.MULTILINE).matcher(block.group(1));
                while (field.find()) {
                    published.add(field.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(matrix().keySet());
        assertTrue(missing.isEmpty(), "Add these operations to the authorisation matrix with their roles: " + missing);
    }

    @Test
    void eachOperationRefusesOtherRolesAndAnonymousCallers() {
        List<String> failures = new ArrayList<>();
        matrix().forEach((name, operation) -> {
            if (!operation.access().loginOptional()) {
                expect(failures, name, null, operation, "UNAUTHENTICATED");
            }
            for (Role role : EnumSet.complementOf(EnumSet.copyOf(operation.access().roles()))) {
                expect(failures, name, Tokens.of("a-" + role.name().toLowerCase()), operation, "FORBIDDEN");
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aRefusalCarriesNoData() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-support_agent"), "invoices");
        assertEquals("FORBIDDEN", body.get("errors[0].extensions.code"));
        assertNull(body.get("data"));
        assertTrue(!body.prettify().contains("totalCount\": "), body::prettify);
    }

    private static Map<String, Object> variablesOf(Object... pairs) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    private static void expect(List<String> failures, String name, String token, Operation operation, String code) {
        String document = GraphQL.document(operation.document());
        JsonPath body = document.stripLeading().startsWith("subscription")
                ? GraphQLSocket.firstAnswer(token, document, variablesOf(operation.variables()), () -> { })
                : GraphQL.postAs(token, operation.document(), operation.variables());
        String actual = body.get("errors[0].extensions.code");
        if (!code.equals(actual)) {
            failures.add(name + " as " + (token == null ? "anonymous" : "role without access") + ": expected " + code + ", got " + body.prettify());
        }
    }
}
