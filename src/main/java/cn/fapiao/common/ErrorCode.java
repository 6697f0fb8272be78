package cn.fapiao.common;

/**
 * The stable codes a client finds in {@code errors[].extensions.code}. They are part of the API
 * contract: add new ones freely, never rename or remove one.
 */
public enum ErrorCode {
    /** Input breaks a rule; {@code extensions.field} names the field, {@code extensions.problems} lists all. */
    VALIDATION_FAILED,
    /** No credentials, or credentials that are expired, tampered with or revoked. */
    UNAUTHENTICATED,
    /** Authenticated, but not allowed to do this or to see this organisation's data. */
    FORBIDDEN,
    /** Too many requests; {@code extensions.retryAfterSeconds} says when to try again. */
    RATE_LIMITED,
    /** The query nests fields deeper than allowed ({@code fapiao.graphql.max-depth}). */
    QUERY_TOO_DEEP,
    /** The query selects more fields (aliases included) than allowed ({@code fapiao.graphql.max-complexity}). */
    QUERY_TOO_COMPLEX,
    /** The document does not fit the schema (e.g. an unknown field), or its variables do not fit their types. */
    GRAPHQL_VALIDATION_FAILED,
    /** No invoice with this id or number that the caller's organisation issued or received (never FORBIDDEN: existence is not revealed). */
    INVOICE_NOT_FOUND,
    /** The invoice cannot be voided (fully digital, not NORMAL, outside its month of issue, or already used by the buyer). */
    VOID_NOT_ALLOWED,
    /** The invoice cannot be red-reversed (a red invoice, or not NORMAL / RED_PARTIAL). */
    REVERSAL_NOT_ALLOWED,
    /** The reversal asks for more than is left to reverse on the invoice or line. */
    REVERSAL_EXCEEDS_REMAINING,
    /** The buyer has confirmed use: a red-letter confirmation number is needed. */
    CONFIRMATION_REQUIRED,
    /** The invoice's status does not allow confirming its use. */
    CONFIRMATION_NOT_ALLOWED,
    /** The invoice's status cannot change to the one asked for. */
    STATUS_CHANGE_NOT_ALLOWED,
    /** The idempotency key was used before for another operation or other content; use a new key for new content. */
    IDEMPOTENCY_KEY_REUSED,
    /** Something failed on the server; details are in the server log, never in the response. */
    INTERNAL_ERROR
}
