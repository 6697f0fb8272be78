package cn.fapiao.domain;

import java.util.List;

/**
 * What a legacy invoice code (10 or 12 digits) says about its invoice.
 *
 * <p>When the code is missing or not 10/12 digits nothing can be decoded: {@code type} is
 * {@link InvoiceType#UNKNOWN} and the other decoded fields are null. An unknown region or a
 * bad copies/version digit makes the code invalid but the remaining fields are still decoded,
 * since they help the user find the typo.
 *
 * @param code      the code as decoded (surrounding whitespace stripped)
 * @param valid     true when {@code problems} is empty
 * @param problems  what is wrong, empty when valid
 * @param type      invoice type derived from the code, {@link InvoiceType#UNKNOWN} when no rule applies
 * @param rawRegion the four region digits as written, e.g. "1101"
 * @param region    the region the invoice is routed to (e.g. 1101 → 1100 Beijing), null if unknown
 * @param year      four-digit year the code's print run was issued in (not the invoice's issue date)
 * @param batch     batch digits: 1 digit for 10-digit codes, 3 for 12-digit codes
 * @param kind      kind digits: the 8th digit of a 10-digit code, the last two of a 12-digit code
 */
public record DecodedInvoiceCode(
        String code,
        boolean valid,
        List<Problem> problems,
        InvoiceType type,
        String rawRegion,
        Region region,
        Integer year,
        String batch,
        String kind) {

    public DecodedInvoiceCode {
        problems = List.copyOf(problems);
    }
}
