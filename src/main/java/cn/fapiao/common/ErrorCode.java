package cn.fapiao.common;

/**
 * Every code a client can find in {@code errors[].extensions.code}, each with what it means. They
 * are part of the API contract: add new ones freely, never rename or remove one. This is the only
 * place codes are made ({@link ApiException} takes nothing else); the README's list of errors is
 * generated from these descriptions and checked against them by {@code ErrorCatalogueTest}.
 *
 * <p>One constant per entry, each ending with a comma, its description in a one-paragraph Javadoc
 * right above it: that is what the README generator reads, and it keeps parallel additions easy
 * to merge.
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
    /** The document does not fit the schema (e.g. an unknown field), or its variables do not fit their types; {@code extensions.validationErrorType} says how. */
    GRAPHQL_VALIDATION_FAILED,
    /** The text in {@code query} is not a GraphQL document; the message says where it stops making sense (HTTP 400 for clients that accept {@code application/graphql-response+json}). */
    GRAPHQL_PARSE_FAILED,
    /** An amount of money (the {@code Money} scalar) that is not a JSON string with at most 11 digits before and 2 after the point, optionally negative: a JSON number, an exponent, spaces, a third decimal; {@code extensions.field} names the variable that holds it or the argument it is written in (e.g. {@code filter.amountMin}), the message quotes it. Send amounts as strings such as {@code "1409.50"}. */
    MONEY_MALFORMED,
    /** The HTTP request is not a GraphQL request: a body that is not a JSON object, no {@code query}, or {@code query}, {@code operationName}, {@code variables} or {@code extensions} of the wrong type; {@code extensions.field} names the parameter. HTTP 400. */
    BAD_REQUEST,
    /** A POST whose body is neither {@code application/json} nor {@code application/graphql}: browsers send form and text bodies to any site without asking, so they are refused (HTTP 415). */
    UNSUPPORTED_MEDIA_TYPE,
    /** A mutation sent with GET, or a method other than GET and POST: GET never changes anything; send mutations with POST (HTTP 405, the {@code Allow} header lists the methods). */
    METHOD_NOT_ALLOWED,
    /** The {@code Accept} header names no type this server answers in: ask for {@code application/graphql-response+json} or {@code application/json} (HTTP 406). */
    NOT_ACCEPTABLE,
    /** No operation is stored under {@code extensions.persistedQuery.sha256Hash}: send the request again with the document in {@code query} (automatic persisted queries). */
    PERSISTED_QUERY_NOT_FOUND,
    /** The {@code sha256Hash} sent is not the SHA-256 of the document sent with it, or is not 64 hexadecimal digits: the document is not stored or run. */
    PERSISTED_QUERY_HASH_MISMATCH,
    /** Only registered operations run on this server (allow-list mode): send the hash of an operation from the manifest the client was built with. */
    PERSISTED_QUERY_NOT_ALLOWED,
    /**
     * The password was right, but the organisation requires a second factor for one of the user's
     * roles and none is set up: enrol with {@code enrolTotp(username, password)} and
     * {@code confirmTotp}, then log in with the code.
     */
    TOTP_ENROLMENT_REQUIRED,
    /** The organisation requires a second factor for one of the user's roles: it cannot be switched off. */
    TOTP_REQUIRED_BY_POLICY,
    /** Something failed on the server; details are in the server log, never in the response. */
    INTERNAL_ERROR,
    /** No invoice with this id or number that the caller's organisation issued or received (another organisation's invoice answers the same). */
    INVOICE_NOT_FOUND,
    /** The invoice cannot be voided: it is fully digital (red-reverse it), not NORMAL, outside its month of issue, or the buyer has used it. */
    VOID_NOT_ALLOWED,
    /** The invoice cannot be red-reversed: it is itself red, or its status is neither NORMAL nor RED_PARTIAL. */
    REVERSAL_NOT_ALLOWED,
    /** The amount to reverse is more than the invoice, or the line, has left to reverse. */
    REVERSAL_EXCEEDS_REMAINING,
    /** The buyer has confirmed use of the invoice: reversing it needs the number of a red-letter confirmation (红字确认单). */
    CONFIRMATION_REQUIRED,
    /** The buyer cannot confirm use of the invoice: its status is neither NORMAL nor RED_PARTIAL. */
    CONFIRMATION_NOT_ALLOWED,
    /** The tax side cannot change this invoice's status: a voided or reversed invoice keeps its own. */
    STATUS_CHANGE_NOT_ALLOWED,
    /** This idempotency key was already used for another request (other content, or another operation); use a new key for new content. */
    IDEMPOTENCY_KEY_REUSED,
    /** Unknown username or wrong password (the answer does not say which). */
    INVALID_CREDENTIALS,
    /** The account uses a one-time password and none was given. */
    OTP_REQUIRED,
    /** The one-time password is wrong, expired or already used. */
    INVALID_OTP,
    /** A refresh token was used a second time: every session of that login has been ended; log in again. */
    REFRESH_TOKEN_REUSED,
    /** A one-time password is already set up; disable it before enrolling a new device. */
    TOTP_ALREADY_ENABLED,
    /** {@code confirmTotp} was called before {@code enrolTotp} started an enrolment. */
    TOTP_NOT_ENROLLED,
    /** Another user already has this username. */
    USERNAME_TAKEN,
    /** No user with this id in the caller's organisation. */
    USER_NOT_FOUND,
    /**
     * A subscription cannot resume after the {@code afterEventId} it gave: the events since then are
     * no longer kept ({@code fapiao.events.retention}) or are more than a replay may hold. Reload what
     * you show with a query, then subscribe without {@code afterEventId}.
     */
    RESUME_NOT_POSSIBLE,
    /**
     * The caller already holds as many live subscriptions as allowed on this server
     * ({@code fapiao.events.subscriptions-per-user}), or the server holds as many as it serves: close
     * one, or retry later.
     */
    SUBSCRIPTION_LIMIT_REACHED,
    /** The subscriber did not read its events fast enough and fell too far behind: the subscription ended; resume with {@code afterEventId}. */
    SUBSCRIBER_TOO_SLOW,
    /** No webhook endpoint with this id in the caller's organisation (another organisation's answers the same). */
    WEBHOOK_ENDPOINT_NOT_FOUND,
    /** The organisation has as many webhook endpoints as allowed ({@code fapiao.webhooks.max-endpoints}): delete one first. */
    WEBHOOK_ENDPOINT_LIMIT_REACHED,
    /** The endpoint's host does not resolve, or resolves to a loopback, private, link-local or reserved address: webhooks go to public addresses only. */
    WEBHOOK_ADDRESS_NOT_ALLOWED,
    /** No webhook delivery with this id in the caller's organisation (another organisation's answers the same). */
    WEBHOOK_DELIVERY_NOT_FOUND,
    /** The delivery cannot be replayed now: it is still PENDING (being sent or retried), or its endpoint is disabled. */
    WEBHOOK_REPLAY_NOT_ALLOWED,
    /** No feedback ticket with this tracking number that the caller may see: a wrong access key, a number never given out and another organisation's ticket answer the same. */
    TICKET_NOT_FOUND,
    /** The tracking number is not one this desk could have given out (wrong form, impossible date or a mistyped character: its check character does not match). */
    TRACKING_NUMBER_MALFORMED,
    /** The ticket's status does not allow this move (e.g. resolving a NEW ticket, answering a CLOSED one). */
    TICKET_TRANSITION_NOT_ALLOWED,
    /** The ticket was resolved more than 7 days ago: it cannot be reopened; submit a new one. */
    TICKET_REOPEN_WINDOW_OVER,
    /** The ticket has been rated already (a ticket is rated once), is not resolved yet, or the caller is an agent (only the submitter rates). */
    TICKET_RATING_NOT_ALLOWED,
    /** The tickets cannot be merged: the same ticket, one already merged or closed, or tickets of different organisations. */
    TICKET_MERGE_NOT_ALLOWED,
    /** The attachment is not a PNG, JPEG or PDF file (recognised by its content, not by its name). */
    ATTACHMENT_TYPE_NOT_ALLOWED,
    /** The attachment is larger than a file may be, or the ticket would hold more attachments or bytes than allowed. */
    ATTACHMENT_TOO_LARGE,
    /** No knowledge-base article with this id. */
    ARTICLE_NOT_FOUND,
    /** The feedback desk's calendar has no entry for this day (it is an ordinary day: a working day Monday to Friday, a weekend day off). */
    CALENDAR_DAY_NOT_FOUND,
    /** The download link is not one this server signed, or was altered (HTTP 404 on {@code GET /downloads/...}): ask for a new link with {@code createDownloadLink}. */
    LINK_INVALID,
    /** The download link has expired (HTTP 410): links live a few minutes ({@code fapiao.downloads.link-ttl}); ask for a new one. */
    LINK_EXPIRED,
}
