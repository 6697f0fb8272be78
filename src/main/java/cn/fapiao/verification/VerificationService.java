package cn.fapiao.verification;

import cn.fapiao.domain.DecodedInvoiceCode;
import cn.fapiao.domain.DigitalNumberDecoder;
import cn.fapiao.domain.InvoiceCodeDecoder;
import cn.fapiao.domain.InvoiceFormats;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.InvoiceType;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.InvoiceCache;
import cn.fapiao.invoice.InvoiceQueries;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.invoice.RecordsOfNumber;
import cn.fapiao.invoice.StoredInvoice;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.reference.api.FieldProblem;
import cn.fapiao.security.Caller;
import cn.fapiao.verification.api.Notice;
import cn.fapiao.verification.api.PublicInvoice;
import cn.fapiao.verification.api.PublicParty;
import cn.fapiao.verification.api.VerificationOutcome;
import cn.fapiao.verification.api.VerificationResult;
import cn.fapiao.verification.api.VerifyInvoiceInput;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verification (查验) the way the national platform does it: whoever holds an invoice proves
 * it with number, date (and code) plus one type-dependent field, and learns whether it matches.
 * Like the platform, it is not limited to the caller's own invoices; it reveals only public
 * fields and only on a full match, never a stored value on a mismatch, and counts at most
 * {@code dailyLimit} attempts per invoice per day. It counts them per verifying organisation: were
 * the count shared by all callers, anyone holding an invoice's number could spend the day's
 * attempts with wrong data and lock its seller and buyer out. How often a user or organisation
 * may verify at all is a rate limit, charged by {@link VerificationResource}.
 */
@ApplicationScoped
public class VerificationService {

    private static final String LOG = """
            insert into verification_log (organisation_id, user_id, username, invoice_id, invoice_code, invoice_number,
                                          issue_date, extra_field, outcome, mismatched_fields)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    /**
     * For a found invoice: counts the attempt against the verifying organisation's ($1) limit of
     * the day ($11 = the day, $12 = the limit) and logs it, as LIMIT_EXCEEDED once the count is past
     * the limit, in one statement.
     */
    private static final String COUNT_AND_LOG = """
            with counted as (
                insert into verification_budget (invoice_id, organisation_id, day, attempts) values ($4, $1, $11, 1)
                on conflict (invoice_id, organisation_id, day) do update set attempts = verification_budget.attempts + 1
                returning attempts),
            logged as (
                insert into verification_log (organisation_id, user_id, username, invoice_id, invoice_code, invoice_number,
                                              issue_date, extra_field, outcome, mismatched_fields)
                select $1, $2, $3, $4, $5, $6, $7, $8,
                       case when c.attempts > $12 then 'LIMIT_EXCEEDED' else $9 end,
                       case when c.attempts > $12 then null else $10 end
                from counted c)
            select attempts from counted""";
    private static final Map<InvoiceStatus, String> WARNINGS = Map.of(
            InvoiceStatus.VOIDED, "The invoice was voided (作废): it is not valid.",
            InvoiceStatus.RED_FULL, "The invoice was fully red-reversed (全额红冲): nothing of it remains valid.",
            InvoiceStatus.RED_PARTIAL, "The invoice was partly red-reversed (部分红冲): only the remainder is valid.",
            InvoiceStatus.LOST_CONTROL, "The tax authority lists the invoice as lost control (失控): input tax on it may not be deducted.",
            InvoiceStatus.ABNORMAL, "The tax authority flagged the invoice as abnormal (异常): do not deduct it until resolved.");

    private final Pool pool;
    private final InvoiceCache cache;
    private final InvoiceQueries queries;
    private final VerificationConfig config;
    private final VerificationWindow window;

    public VerificationService(Pool pool, InvoiceCache cache, InvoiceQueries queries, VerificationConfig config, VerificationWindow window) {
        this.pool = pool;
        this.cache = cache;
        this.queries = queries;
        this.config = config;
        this.window = window;
    }

    public Uni<VerificationResult> verify(Caller caller, VerifyInvoiceInput input) {
        caller.requireAuthenticated();
        String code = blankToNull(input.code());
        String number = input.number() == null ? "" : input.number().strip();
        List<Problem> problems = new ArrayList<>();
        ExtraField extra = checkIdentity(code, number, problems);
        if (input.issueDate() == null) {
            problems.add(new Problem("issueDate", "REQUIRED", "Give the issue date."));
        }
        String extraValue = extra == null ? null : extraValue(input, extra);
        if (extra != null) {
            checkExtra(extra, extraValue, problems);
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(result(VerificationOutcome.INVALID_INPUT, List.of(), List.of(), FieldProblem.of(problems), null, null));
        }
        LocalDate today = LocalDate.now(InvoiceService.BUSINESS_ZONE);
        return cache.byNumber(code, number, () -> queries.byNumber(code, number)).map(RecordsOfNumber::authoritative).chain(found -> {
            // The window is the stored invoice's: a mistyped date neither hides a recent invoice
            // behind TOO_OLD nor opens an old one to comparison. Only an unknown number is judged
            // by the date typed, the one date there is.
            if (found == null) {
                VerificationOutcome outcome = window.excludes(input.issueDate()) ? VerificationOutcome.TOO_OLD : VerificationOutcome.NOT_FOUND;
                return log(caller, null, code, number, input.issueDate(), extra, outcome, List.of())
                        .replaceWith(result(outcome, List.of(), List.of(), List.of(), null, null));
            }
            long invoiceId = Long.parseLong(found.view().id());
            if (window.excludes(found.view().issueDate())) {
                return log(caller, invoiceId, code, number, input.issueDate(), extra, VerificationOutcome.TOO_OLD, List.of())
                        .replaceWith(result(VerificationOutcome.TOO_OLD, List.of(), List.of(), List.of(), null, null));
            }
            // Compared before counting: the comparison does not depend on the count, and counting
            // and logging then take one statement (one commit) instead of two.
            List<String> mismatched = compare(found.view(), input.issueDate(), extra, extraValue);
            VerificationOutcome outcome = mismatched.isEmpty() ? VerificationOutcome.MATCH : VerificationOutcome.MISMATCH;
            Tuple values = logValues(caller, invoiceId, code, number, input.issueDate(), extra, outcome, mismatched)
                    .addLocalDate(today).addInteger(config.dailyLimit());
            return pool.preparedQuery(COUNT_AND_LOG).execute(values).map(rows -> {
                int attempts = rows.iterator().next().getInteger("attempts");
                if (attempts > config.dailyLimit()) {
                    return result(VerificationOutcome.LIMIT_EXCEEDED, List.of(), List.of(), List.of(), null, 0);
                }
                int left = config.dailyLimit() - attempts;
                if (outcome == VerificationOutcome.MISMATCH) {
                    return result(VerificationOutcome.MISMATCH, mismatched, List.of(), List.of(), null, left);
                }
                String warning = WARNINGS.get(found.view().status());
                List<Notice> warnings = warning == null ? List.of() : List.of(new Notice(found.view().status().name(), warning));
                return result(VerificationOutcome.MATCH, List.of(), warnings, List.of(), publicFields(found), left);
            });
        });
    }

    /** Refuses a batch larger than {@code batchMax}, before anything is counted. */
    public void checkBatchSize(List<VerifyInvoiceInput> inputs) {
        if (inputs.size() > config.batchMax()) {
            throw cn.fapiao.common.ApiException.validation(List.of(new Problem("inputs", "TOO_MANY",
                    "At most " + config.batchMax() + " verifications per call, got " + inputs.size() + ".")));
        }
    }

    /** Verifies each input on its own, one after the other (each counts against its invoice's daily limit). */
    public Uni<List<VerificationResult>> verifyAll(Caller caller, List<VerifyInvoiceInput> inputs) {
        caller.requireAuthenticated();
        checkBatchSize(inputs);
        Uni<List<VerificationResult>> results = Uni.createFrom().item(new ArrayList<>());
        for (VerifyInvoiceInput input : inputs) {
            results = results.chain(list -> verify(caller, input).map(result -> {
                list.add(result);
                return list;
            }));
        }
        return results;
    }

    private static ExtraField checkIdentity(String code, String number, List<Problem> problems) {
        if (code == null) {
            List<Problem> found = DigitalNumberDecoder.decode(number).problems();
            found.forEach(p -> problems.add(new Problem("number", p.code(), p.message())));
            return found.isEmpty() ? ExtraField.TOTAL_INCLUDING_TAX : null;
        }
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);
        decoded.problems().stream().filter(p -> !"UNKNOWN_REGION".equals(p.code()))
                .forEach(p -> problems.add(new Problem("code", p.code(), p.message())));
        InvoiceFormats.checkLegacyNumber(number).forEach(p -> problems.add(new Problem("number", p.code(), p.message())));
        if (decoded.type() == null || decoded.type() == InvoiceType.UNKNOWN) {
            return decoded.problems().isEmpty() ? ExtraField.TOTAL_INCLUDING_TAX : null;
        }
        return ExtraField.requiredFor(decoded.type(), false);
    }

    private static void checkExtra(ExtraField extra, String value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(extra.inputName(), "REQUIRED", "For this invoice give `" + extra.inputName() + "` (the field the national platform asks for this type)."));
        } else if (extra == ExtraField.CHECK_CODE_LAST6) {
            problems.addAll(InvoiceFormats.checkCheckCodeLastSix(value, extra.inputName()));
        } else {
            problems.addAll(InvoiceFormats.checkAmount(value, extra.inputName()));
        }
    }

    private static String extraValue(VerifyInvoiceInput input, ExtraField extra) {
        return blankToNull(switch (extra) {
            case AMOUNT_EXCLUDING_TAX -> input.amountExcludingTax() == null ? null : input.amountExcludingTax().toString();
            case CHECK_CODE_LAST6 -> input.checkCodeLast6();
            case TOTAL_INCLUDING_TAX -> input.totalIncludingTax() == null ? null : input.totalIncludingTax().toString();
        });
    }

    private static List<String> compare(InvoiceView invoice, LocalDate issueDate, ExtraField extra, String value) {
        List<String> mismatched = new ArrayList<>();
        if (!invoice.issueDate().equals(issueDate)) {
            mismatched.add("issueDate");
        }
        boolean same = switch (extra) {
            case AMOUNT_EXCLUDING_TAX -> invoice.amount().value().compareTo(new BigDecimal(value)) == 0;
            case TOTAL_INCLUDING_TAX -> invoice.total().value().compareTo(new BigDecimal(value)) == 0;
            case CHECK_CODE_LAST6 -> invoice.checkCode() != null && invoice.checkCode().endsWith(value);
        };
        if (!same) {
            mismatched.add(extra.inputName());
        }
        return mismatched;
    }

    private static PublicInvoice publicFields(StoredInvoice stored) {
        InvoiceView v = stored.view();
        return new PublicInvoice(v.type(), v.code(), v.number(), v.issueDate(),
                new PublicParty(v.seller().getTaxId(), v.seller().getName()), new PublicParty(v.buyer().getTaxId(), v.buyer().getName()),
                v.amount(), v.tax(), v.total(), v.status(), v.direction());
    }

    private Uni<Void> log(Caller caller, Long invoiceId, String code, String number, LocalDate issueDate, ExtraField extra,
                          VerificationOutcome outcome, List<String> mismatched) {
        return pool.preparedQuery(LOG).execute(logValues(caller, invoiceId, code, number, issueDate, extra, outcome, mismatched))
                .replaceWithVoid();
    }

    /** $1 to $10 of a log row, as LOG and COUNT_AND_LOG take them. */
    private static Tuple logValues(Caller caller, Long invoiceId, String code, String number, LocalDate issueDate, ExtraField extra,
                                   VerificationOutcome outcome, List<String> mismatched) {
        return Tuple.tuple().addLong(caller.organisationId()).addLong(caller.userId()).addString(caller.username())
                .addLong(invoiceId).addString(code).addString(number).addLocalDate(issueDate)
                .addString(extra == null ? null : extra.name()).addString(outcome.name())
                .addString(mismatched.isEmpty() ? null : String.join(",", mismatched));
    }

    private static VerificationResult result(VerificationOutcome outcome, List<String> mismatched, List<Notice> warnings,
                                             List<FieldProblem> problems, PublicInvoice invoice, Integer left) {
        return new VerificationResult(outcome, outcome == VerificationOutcome.MATCH && warnings.isEmpty(), mismatched, warnings,
                problems, invoice, left);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
