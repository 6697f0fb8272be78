package cn.fapiao.domain;

import java.util.Objects;

/**
 * One thing wrong with a user's input, found by a domain rule.
 *
 * <p>Rules return problems instead of throwing, so a caller can show every problem at once.
 * {@code code} is a stable UPPER_SNAKE identifier that clients may switch on (for example
 * {@code INVALID_CHECKSUM}); {@code message} is an English sentence for people and may change.
 *
 * @param field   name of the offending input field, e.g. {@code "code"} or {@code "taxId"}
 * @param code    stable machine-readable code, e.g. {@code REQUIRED}, {@code INVALID_LENGTH}
 * @param message human-readable explanation
 */
public record Problem(String field, String code, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
