package cn.fapiao.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of logins and tokens ({@code fapiao.auth.*}). */
@ConfigMapping(prefix = "fapiao.auth")
public interface AuthConfig {

    /** The {@code iss} of the access tokens this server signs (and accepts). */
    @WithDefault("fapiao-server")
    String issuer();

    /** Lifetime of an access token. Its session and user are checked on every request, so it can end earlier. */
    @WithDefault("PT10M")
    Duration accessTokenTtl();

    /**
     * How long a replica trusts what it read of a session (ended? user active? roles?). Changes
     * evict it at once on every replica; this bounds the delay should a notification be missed.
     */
    @WithDefault("PT3S")
    Duration sessionCheckTtl();

    /** Lifetime of a refresh token chain link. */
    @WithDefault("P14D")
    Duration refreshTokenTtl();

    /** bcrypt cost factor for new password hashes (each step doubles the work). */
    @WithDefault("12")
    int bcryptCost();

    /** Issuer name shown in authenticator apps for TOTP enrolment. */
    @WithDefault("Fapiao")
    String totpIssuer();

    /** Tokens of an external identity provider, accepted beside our own when configured. */
    External external();

    interface External {
        /** The external provider's {@code iss}; external tokens are off when absent. */
        Optional<String> issuer();

        /** Where the provider publishes its signing keys (JWKS). */
        Optional<String> jwksUrl();

        /** Claim holding the caller's organisation USCC. */
        @WithDefault("org_uscc")
        String organisationClaim();

        /** Claim holding the caller's roles (a list, or a space separated string). */
        @WithDefault("groups")
        String rolesClaim();
    }
}
