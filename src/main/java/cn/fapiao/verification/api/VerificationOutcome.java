package cn.fapiao.verification.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How a verification ended.")
public enum VerificationOutcome {
    @Description("Everything given matches the stored invoice. See `warnings`: a voided, red-reversed, lost-control or abnormal invoice matches but is not a clean pass.")
    MATCH,
    @Description("The invoice exists but some given fields differ (named in `mismatchedFields`; stored values are not revealed).")
    MISMATCH,
    @Description("No invoice with this number (and code). It may not have arrived yet — diagnoseInvoice explains the possibilities.")
    NOT_FOUND,
    @Description("The caller's organisation already verified this invoice the maximum number of times today (Asia/Shanghai); try tomorrow. Other organisations' attempts do not count.")
    LIMIT_EXCEEDED,
    @Description("Issued longer ago than the verification window (five years, as the national platform): by the issue date on record when the invoice is found, else by the date given. Not counted against the daily limit.")
    TOO_OLD,
    @Description("The input is malformed or incomplete (see `problems`); nothing was looked up or counted.")
    INVALID_INPUT
}
