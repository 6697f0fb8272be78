package cn.fapiao.security.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A started TOTP enrolment: show `otpauthUri` as a QR code (or the secret for manual entry), then call `confirmTotp` with the first code.")
public record TotpEnrolment(
        @NonNull @Description("Base32 secret for manual entry in an authenticator app.") String secret,
        @NonNull @Description("`otpauth://totp/...` URI (RFC 6238, SHA1, 6 digits, 30 s).") String otpauthUri) {
}
