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
    /**
     * The query selects more fields (aliases included) than allowed ({@code fapiao.graphql.max-fields}),
     * or its answer could hold more values than allowed ({@code fapiao.graphql.max-complexity}): each
     * list counts with its page size ({@code first}/{@code last}) or its bound. Refused before it runs.
     */
    QUERY_TOO_COMPLEX,
    /** The document does not fit the schema (e.g. an unknown field), or its variables do not fit their types. */
    GRAPHQL_VALIDATION_FAILED,
    /** Something failed on the server; details are in the server log, never in the response. */
    INTERNAL_ERROR
}
