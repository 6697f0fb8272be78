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
    /**
     * The password was right, but the organisation requires a second factor for one of the user's
     * roles and none is set up: enrol with {@code enrolTotp(username, password)} and
     * {@code confirmTotp}, then log in with the code.
     */
    TOTP_ENROLMENT_REQUIRED,
    /** The organisation requires a second factor for one of the user's roles: it cannot be switched off. */
    TOTP_REQUIRED_BY_POLICY,
    /** Something failed on the server; details are in the server log, never in the response. */
    INTERNAL_ERROR
}
