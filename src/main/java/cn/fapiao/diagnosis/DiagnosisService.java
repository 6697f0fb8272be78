package cn.fapiao.diagnosis;

import cn.fapiao.diagnosis.api.DiagnoseInvoiceInput;
import cn.fapiao.diagnosis.api.Diagnosis;
import cn.fapiao.diagnosis.api.Finding;
import cn.fapiao.diagnosis.api.NearMatch;
import cn.fapiao.diagnosis.api.NearMatchKind;
import cn.fapiao.domain.TicketCategory;
import cn.fapiao.diagnosis.api.TicketDraft;
import cn.fapiao.domain.DecodedDigitalNumber;
import cn.fapiao.domain.DecodedInvoiceCode;
import cn.fapiao.domain.DigitalNumberDecoder;
import cn.fapiao.domain.InvoiceCodeDecoder;
import cn.fapiao.domain.InvoiceFormats;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.Region;
import cn.fapiao.domain.Regions;
import cn.fapiao.domain.TaxIdValidation;
import cn.fapiao.domain.TaxIdValidator;
import cn.fapiao.domain.TypoCandidates;
import cn.fapiao.invoice.InvoiceQueries;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.invoice.StoredInvoice;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.security.Caller;
import cn.fapiao.verification.VerificationWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Why can't I find my invoice?": reads what the user typed, says what is malformed and what
 * the code or number itself tells (type, region, year), looks the invoice up among those the
 * caller's organisation may see, and when it is not there looks for near matches (typos) with
 * one indexed query over generated candidates, then for timing reasons (too new, too old).
 */
@ApplicationScoped
public class DiagnosisService {

    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final InvoiceQueries queries;
    private final Pool pool;
    private final DiagnosisConfig config;
    private final VerificationWindow window;

    public DiagnosisService(InvoiceQueries queries, Pool pool, DiagnosisConfig config, VerificationWindow window) {
        this.queries = queries;
        this.pool = pool;
        this.config = config;
        this.window = window;
    }

    /** What was typed, cleaned: digits without spaces, a parsed date when it is a real one. */
    record Typed(String code, String number, LocalDate issueDate, BigDecimal amount, String sellerTaxId, String sellerName) {
        boolean digital() {
            return code == null && InvoiceFormats.isDigitalNumberShape(number);
        }
    }

    public Uni<Diagnosis> diagnose(Caller caller, DiagnoseInvoiceInput input) {
        caller.requireAuthenticated();
        Findings findings = new Findings();
        Typed typed = read(input, findings);
        describe(typed, findings);
        if (typed.number() == null) {
            return Uni.createFrom().item(finish(typed, findings, List.of(), input));
        }
        Uni<StoredInvoice> exact = InvoiceFormats.isDigitalNumberShape(typed.number()) && typed.code() == null
                || typed.code() != null && InvoiceFormats.isLegacyCodeShape(typed.code()) && InvoiceFormats.isLegacyNumberShape(typed.number())
                ? queries.byNumber(typed.code(), typed.number())
                        .map(records -> records.visibleToOrElseAuthoritative(caller))
                : Uni.createFrom().nullItem();
        return exact.chain(found -> {
            if (found != null && found.visibleTo(caller)) {
                describeFound(found.view(), typed, findings);
                return Uni.createFrom().item(finish(typed, findings, List.of(), input));
            }
            if (found != null) {
                findings.warning("NOT_ADDRESSED_TO_YOU", "number",
                        "这个号码的发票存在，但发票上的购买方或销售方不是贵单位（可能是开票方填错了纳税人识别号）。",
                        "An invoice with this number exists, but it does not name your organisation as buyer or seller (the issuer may have entered a wrong taxpayer ID).",
                        "请联系销售方核对购买方信息；信息有误时请对方红冲后重新开具。",
                        "Ask the seller to check the buyer details; if they are wrong, the seller red-reverses and reissues the invoice.");
            }
            return nearMatches(caller, typed).chain(matches -> timing(caller, typed, findings, matches.isEmpty() && found == null)
                    .map(ignored -> finish(typed, findings, matches, input)));
        });
    }

    private Typed read(DiagnoseInvoiceInput input, Findings findings) {
        String code = digitsOrNull(input.code());
        String number = digitsOrNull(input.number());
        if (number == null && code == null) {
            findings.problem("NUMBER_MISSING", "number", "请输入发票号码。", "Give the invoice number.",
                    "数电票只需20位号码；纸质或早期电子发票还需发票代码。", "A fully digital invoice needs its 20-digit number; older invoices also need their code.");
        }
        if (number != null && !number.matches("\\d+")) {
            findings.problem("MALFORMED_NUMBER", "number", "发票号码只能包含数字，而输入中有其他字符。",
                    "An invoice number has only digits; this one contains other characters.",
                    "请对照发票重新输入，注意字母O与数字0、字母I与数字1。", "Retype it from the invoice; watch for the letter O instead of 0 and I instead of 1.");
        } else if (number != null && code == null && number.length() != 20 && number.length() != 8 && !InvoiceFormats.isLegacyCodeShape(number)) {
            findings.problem("MALFORMED_NUMBER", "number", "数电票号码应为20位，输入的是" + number.length() + "位。",
                    "A fully digital invoice number has 20 digits; this one has " + number.length() + ".",
                    "请逐位核对号码；下面列出了可能的相近号码。", "Check it digit by digit; near matches are listed below.");
        } else if (number != null && code == null && number.length() == 8) {
            findings.problem("CODE_NEEDED", "code", "8位发票号码属于纸质或早期电子发票，需要同时提供发票代码（10位或12位）。",
                    "An 8-digit number belongs to a legacy invoice and needs its 10- or 12-digit invoice code too.",
                    "请在发票左上角找到发票代码并一起输入。", "Find the invoice code (top left of the invoice) and give it as well.");
        } else if (number != null && code != null) {
            for (Problem p : InvoiceFormats.checkLegacyNumber(number)) {
                findings.problem("MALFORMED_NUMBER", "number", "发票号码格式不对：" + p.message(), "The invoice number is malformed: " + p.message(),
                        "纸质发票号码为8位数字。", "A legacy invoice number has 8 digits.");
            }
        }
        if (code != null) {
            for (Problem p : InvoiceCodeDecoder.decode(code).problems()) {
                if (!"UNKNOWN_REGION".equals(p.code())) {
                    findings.problem("MALFORMED_CODE", "code", "发票代码有误：" + p.message(), "The invoice code is malformed: " + p.message(),
                            "发票代码为10位或12位数字，请对照发票重新输入。", "An invoice code has 10 or 12 digits; retype it from the invoice.");
                }
            }
        }
        LocalDate date = readDate(input.issueDate(), findings);
        BigDecimal amount = null;
        if (input.amount() != null && !input.amount().isBlank()) {
            List<Problem> problems = InvoiceFormats.checkAmount(input.amount().strip(), "amount");
            if (problems.isEmpty()) {
                amount = new BigDecimal(input.amount().strip());
            } else {
                findings.problem("MALFORMED_AMOUNT", "amount", "金额格式不对：" + problems.get(0).message(), "The amount is malformed: " + problems.get(0).message(),
                        "金额最多两位小数，例如 1130.00。", "Use at most two decimals, e.g. 1130.00.");
            }
        }
        String sellerTaxId = input.sellerTaxId() == null || input.sellerTaxId().isBlank() ? null : input.sellerTaxId().replaceAll("\\s", "").toUpperCase();
        if (sellerTaxId != null) {
            TaxIdValidation validation = TaxIdValidator.validate(sellerTaxId);
            if (!validation.valid()) {
                String expected = validation.expectedCheckCharacter() == null ? "" : validation.expectedCheckCharacter().toString();
                findings.problem("MALFORMED_SELLER_TAX_ID", "sellerTaxId", "销售方纳税人识别号有误：" + validation.problems().get(0).message(),
                        "The seller's taxpayer ID is wrong: " + validation.problems().get(0).message(),
                        expected.isEmpty() ? "请对照发票重新输入。" : "校验位按规则应为 " + expected + "，请核对最后一位及前面各位。",
                        expected.isEmpty() ? "Retype it from the invoice." : "By the checksum the last character should be " + expected + "; check it and the characters before it.");
            }
        }
        String sellerName = input.sellerName() == null || input.sellerName().isBlank() ? null : input.sellerName().strip();
        return new Typed(code, number, date, amount, sellerTaxId, sellerName);
    }

    private static LocalDate readDate(String text, Findings findings) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            LocalDate date = value.contains("-") ? LocalDate.parse(value, DASHED) : LocalDate.parse(value, COMPACT);
            if (date.isAfter(LocalDate.now(InvoiceService.BUSINESS_ZONE))) {
                findings.problem("FUTURE_DATE", "issueDate", "开票日期 " + date + " 在今天之后。", "The issue date " + date + " is in the future.",
                        "请核对开票日期。", "Check the issue date.");
            }
            return date;
        } catch (DateTimeParseException e) {
            findings.problem("MALFORMED_DATE", "issueDate", "“" + value + "”不是有效日期（例如2月没有30日）。",
                    "'" + value + "' is not a real date (e.g. February has no 30th).",
                    "请按 YYYY-MM-DD 输入发票上的开票日期。", "Give the issue date printed on the invoice as YYYY-MM-DD.");
            return null;
        }
    }

    /** What the code or number itself says, and whether its region's system holds it instead of ours. */
    private void describe(Typed typed, Findings findings) {
        if (typed.code() == null && typed.number() != null && InvoiceFormats.isLegacyCodeShape(typed.number())) {
            findings.warning("NUMBER_LOOKS_LIKE_CODE", "number", "输入的“号码”有" + typed.number().length() + "位，看起来像发票代码。",
                    "The number has " + typed.number().length() + " digits: it looks like an invoice code.",
                    "发票代码和发票号码可能填反了：号码为8位（数电票20位）。", "Code and number may be swapped: the number has 8 digits (20 for digital invoices).");
        }
        Region region = null;
        String what = null;
        if (typed.digital()) {
            DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(typed.number());
            region = decoded.region();
            what = decoded.year() + "年 / " + decoded.year() + ", " + (region == null ? "?" : region.chineseName() + " / " + region.name());
            findings.info("DECODED", "number", "这是一张数电票：" + decoded.year() + "年由" + (region == null ? "未知地区" : region.chineseName()) + "的纳税人开具。",
                    "A fully digital invoice issued in " + decoded.year() + " by a taxpayer in " + (region == null ? "an unknown region" : region.name()) + ".",
                    "无需操作。", "Nothing to do.");
            if (typed.issueDate() != null && decoded.year() != null && decoded.year() != typed.issueDate().getYear()) {
                findings.warning("YEAR_MISMATCH", "issueDate", "号码前两位表示" + decoded.year() + "年开具，但输入的开票日期是" + typed.issueDate().getYear() + "年。",
                        "The number says it was issued in " + decoded.year() + ", but the issue date given is in " + typed.issueDate().getYear() + ".",
                        "请核对号码前两位和开票日期。", "Check the first two digits of the number and the issue date.");
            }
        } else if (typed.code() != null && InvoiceFormats.isLegacyCodeShape(typed.code())) {
            DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(typed.code());
            region = decoded.region();
            what = String.valueOf(decoded.year());
            findings.info("DECODED", "code", "发票代码表示：" + decoded.type().chineseName() + "，" + (region == null ? "未知地区" : region.chineseName()) + "，" + decoded.year() + "年印制。",
                    "The code says: " + decoded.type().description() + ", " + (region == null ? "unknown region" : region.name()) + ", printed in " + decoded.year() + ".",
                    "无需操作。", "Nothing to do.");
        }
        if (region != null && !region.code().equals(Regions.routingCode(config.homeRegion()))) {
            Region home = Regions.find(config.homeRegion()).orElse(null);
            String homeZh = home == null ? config.homeRegion() : home.chineseName();
            String homeEn = home == null ? config.homeRegion() : home.name();
            findings.warning("OTHER_REGION", typed.digital() ? "number" : "code",
                    "这张发票由" + region.chineseName() + "的纳税人开具，保存在" + region.chineseName() + "的税务系统中，而不是" + homeZh + "的系统。发票归属开票方所在地，而不是消费地。",
                    "This invoice was issued by a taxpayer in " + region.name() + ": it lives in " + region.name() + "'s tax system, not " + homeEn
                            + "'s. An invoice belongs to the issuer's region, not to where the purchase happened.",
                    "请在全国增值税发票查验平台查验，或请开票方通过接口推送给贵单位。",
                    "Verify it on the national VAT invoice verification platform, or ask the issuer to send it to you through an import.");
        }
        if (what == null && typed.number() != null && InvoiceFormats.isDigitalNumberShape(typed.number()) && typed.code() != null) {
            findings.warning("CODE_NOT_NEEDED", "code", "20位号码属于数电票，数电票没有发票代码。", "A 20-digit number is a fully digital invoice, which has no code.",
                    "请去掉发票代码后再查。", "Search again without the code.");
        }
    }

    /** Outside the window verification applies (the same setting), so verifyInvoice would answer TOO_OLD. */
    private void tooOld(Findings findings) {
        int years = window.years();
        findings.warning("TOO_OLD", "issueDate", "这张发票开具已超过" + years + "年，超出查验期限。",
                "The invoice is more than " + years + " years old: outside the verification window.",
                "超过查验期限的发票无法在线查验；如需核实请联系开票方或主管税务机关。", "It can no longer be verified online; ask the issuer or your tax office to confirm it.");
    }

    private void describeFound(InvoiceView invoice, Typed typed, Findings findings) {
        switch (invoice.status()) {
            case VOIDED -> findings.warning("FOUND_VOIDED", null, "找到了这张发票，但它已作废，因此不出现在正常列表和合计中。",
                    "The invoice is here but was voided, so it drops out of normal lists and totals.",
                    "作废发票不能使用；请联系销售方重新开具。", "A voided invoice cannot be used; ask the seller to issue a new one.");
            case RED_FULL, RED_PARTIAL -> findings.warning("FOUND_RED_REVERSED", null,
                    "找到了这张发票，但它已被" + (invoice.status() == InvoiceStatus.RED_FULL ? "全额" : "部分") + "红冲。",
                    "The invoice is here but was " + (invoice.status() == InvoiceStatus.RED_FULL ? "fully" : "partly") + " red-reversed.",
                    "请查看对应的红字发票；如需重新开具请联系销售方。", "See the red invoice that reverses it; ask the seller if a new invoice is due.");
            case LOST_CONTROL -> findings.warning("FOUND_LOST_CONTROL", null, "找到了这张发票，但税务机关将其列为失控发票。",
                    "The invoice is here but the tax authority lists it as lost control (失控).",
                    "失控发票不得抵扣进项税额；请联系销售方及主管税务机关。", "Input tax on it may not be deducted; contact the seller and your tax office.");
            case ABNORMAL -> findings.warning("FOUND_ABNORMAL", null, "找到了这张发票，但税务机关将其标记为异常凭证。",
                    "The invoice is here but the tax authority flagged it as abnormal (异常).",
                    "异常解除前请勿抵扣；可向主管税务机关核实。", "Do not deduct it until the flag is cleared; check with your tax office.");
            default -> findings.info("FOUND", null, "找到了这张发票，状态正常。", "The invoice is here and normal.",
                    "可直接在发票列表中查看或查验。", "Open it from the invoice list, or verify it.");
        }
        if (window.excludes(invoice.issueDate())) {
            tooOld(findings); // by the date on record, as verification judges it
        }
        if (typed.issueDate() != null && !typed.issueDate().equals(invoice.issueDate())) {
            findings.warning("DATE_DIFFERS", "issueDate", "输入的开票日期与系统中的不一致。", "The issue date given differs from the one on record.",
                    "请核对开票日期；查验时日期必须一致。", "Check the date: verification needs it to match.");
        }
    }

    /** Invoices the caller may see whose identity is one typo (or a code/number swap) away from what was typed. */
    private Uni<List<NearMatch>> nearMatches(Caller caller, Typed typed) {
        String number = typed.number();
        if (number == null || !number.matches("\\d+")) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, TypoCandidates.Candidate> byIdentity = new java.util.LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        Uni<List<StoredInvoice>> found;
        if (typed.code() == null) {
            TypoCandidates.of(number, 20).forEach(c -> byIdentity.put("/" + c.value(), c));
            found = byIdentity.isEmpty() ? Uni.createFrom().item(List.of())
                    : queries.visibleDigitalAmong(byIdentity.values().stream().map(TypoCandidates.Candidate::value).toList(), caller.organisationId());
        } else {
            String code = typed.code();
            for (TypoCandidates.Candidate c : TypoCandidates.of(number, 8)) {
                byIdentity.put(code + "/" + c.value(), c);
                codes.add(code);
                numbers.add(c.value());
            }
            int codeLength = code.length() >= 11 ? 12 : 10;
            for (TypoCandidates.Candidate c : TypoCandidates.of(code, codeLength)) {
                byIdentity.put(c.value() + "/" + number, c);
                codes.add(c.value());
                numbers.add(number);
            }
            if (InvoiceFormats.isLegacyCodeShape(number) && InvoiceFormats.isLegacyNumberShape(code)) {
                byIdentity.put(number + "/" + code, null);
                codes.add(number);
                numbers.add(code);
            }
            found = codes.isEmpty() ? Uni.createFrom().item(List.of()) : queries.visibleLegacyAmong(codes, numbers, caller.organisationId());
        }
        return found.map(invoices -> invoices.stream()
                .map(s -> toNearMatch(s.view(), byIdentity.get((s.view().code() == null ? "" : s.view().code()) + "/" + s.view().number()), typed))
                .sorted(Comparator.comparingInt((NearMatch m) -> m.differences().size())
                        .thenComparingInt(m -> kindRank(m.kind())))
                .limit(config.maxNearMatches())
                .toList());
    }

    private static NearMatch toNearMatch(InvoiceView invoice, TypoCandidates.Candidate candidate, Typed typed) {
        List<String> differences = new ArrayList<>();
        NearMatchKind kind;
        Integer position = null;
        if (candidate == null) {
            kind = NearMatchKind.CODE_AND_NUMBER_SWAPPED;
            differences.add("code");
            differences.add("number");
        } else {
            kind = NearMatchKind.valueOf(candidate.kind().name());
            position = candidate.position();
            differences.add(typed.code() != null && !typed.code().equals(invoice.code()) ? "code" : "number");
        }
        if (typed.issueDate() != null && !typed.issueDate().equals(invoice.issueDate())) {
            differences.add("issueDate");
        }
        if (typed.amount() != null && typed.amount().compareTo(invoice.amount().value()) != 0 && typed.amount().compareTo(invoice.total().value()) != 0) {
            differences.add("amount");
        }
        if ((typed.sellerTaxId() != null && !typed.sellerTaxId().equals(invoice.seller().getTaxId()))
                || (typed.sellerName() != null && !invoice.seller().getName().contains(typed.sellerName()))) {
            differences.add("seller");
        }
        return new NearMatch(kind, position, differences, invoice);
    }

    private static int kindRank(NearMatchKind kind) {
        return switch (kind) {
            case ADJACENT_DIGITS_SWAPPED, CODE_AND_NUMBER_SWAPPED -> 0;
            case ONE_DIGIT_WRONG -> 1;
            default -> 2;
        };
    }

    /** Too new (may still arrive), too old (outside verification), or nothing explains it. */
    private Uni<Void> timing(Caller caller, Typed typed, Findings findings, boolean nothingFound) {
        LocalDate today = LocalDate.now(InvoiceService.BUSINESS_ZONE);
        if (typed.issueDate() != null && window.excludes(typed.issueDate())) {
            tooOld(findings);
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select max(last_delivered_at) as last from import_source where organisation_id = $1")
                .execute(Tuple.of(caller.organisationId()))
                .map(rows -> rows.iterator().next().getOffsetDateTime("last"))
                .invoke(lastDelivery -> {
                    boolean today_ = typed.issueDate() != null && !typed.issueDate().isBefore(today);
                    boolean afterLastDelivery = typed.issueDate() != null && lastDelivery != null
                            && typed.issueDate().isAfter(lastDelivery.atZoneSameInstant(InvoiceService.BUSINESS_ZONE).toLocalDate().minusDays(1))
                            && !typed.issueDate().isBefore(lastDelivery.atZoneSameInstant(InvoiceService.BUSINESS_ZONE).toLocalDate());
                    if (today_ || afterLastDelivery) {
                        String when = lastDelivery == null ? "" : lastDelivery.atZoneSameInstant(InvoiceService.BUSINESS_ZONE)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
                        findings.warning("TOO_NEW", "issueDate",
                                "这张发票是" + (today_ ? "今天" : "最近一次同步（" + when + "）之后") + "开具的，可能还没有同步到本系统。",
                                "The invoice was issued " + (today_ ? "today" : "after the last synchronisation (" + when + ")") + ": it may simply not have arrived yet.",
                                "新开发票通常需要几个小时才能同步；请稍后再查。", "Fresh invoices often take a few hours to arrive; look again later.");
                    }
                    if (nothingFound && !findings.hasProblems() && !findings.has("OTHER_REGION") && !findings.has("TOO_NEW")
                            && !findings.has("NOT_ADDRESSED_TO_YOU")) {
                        findings.problem("NO_EXPLANATION", null, "未找到这张发票，也没有发现明显原因。", "The invoice is not here and nothing obvious explains why.",
                                "请提交反馈工单（已预填您输入的内容），我们会跟进处理。", "Open a feedback ticket (prefilled with what you typed); we will follow it up.");
                    }
                })
                .replaceWithVoid();
    }

    private static Diagnosis finish(Typed typed, Findings findings, List<NearMatch> matches, DiagnoseInvoiceInput input) {
        if (!matches.isEmpty()) {
            findings.info("NEAR_MATCHES", "number", "没有完全一致的发票，但找到" + matches.size() + "张号码相近的发票，可能是输入错误。",
                    "No exact match, but " + matches.size() + " invoice(s) with a nearly identical number: probably a typo.",
                    "请对照下面列出的发票核对号码。", "Compare the number with the invoices listed.");
        }
        List<Finding> ordered = findings.ordered();
        TicketDraft draft = null;
        if (findings.has("NO_EXPLANATION")) {
            String tried = "code=" + nullToDash(input.code()) + ", number=" + nullToDash(input.number()) + ", issueDate=" + nullToDash(input.issueDate())
                    + ", amount=" + nullToDash(input.amount()) + ", sellerTaxId=" + nullToDash(input.sellerTaxId()) + ", sellerName=" + nullToDash(input.sellerName());
            draft = new TicketDraft(TicketCategory.MISSING_INVOICE, "发票查不到 / Invoice not found: " + nullToDash(typed.number()),
                    "Searched for: " + tried + "\nFindings: " + ordered.stream().map(Finding::code).collect(Collectors.joining(", ")));
        }
        return new Diagnosis(ordered, matches, draft);
    }

    private static String digitsOrNull(String text) {
        if (text == null) {
            return null;
        }
        String value = text.replaceAll("[\\s-]", "");
        return value.isEmpty() ? null : value;
    }

    private static String nullToDash(String text) {
        return text == null || text.isBlank() ? "-" : text.strip();
    }
}
