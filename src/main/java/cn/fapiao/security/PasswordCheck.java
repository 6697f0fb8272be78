package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.taxpayer.AppUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Every check of a password: at login, and when a logged-in user proves it is them again
 * (second factor changes, a new password). All share one budget per username and address
 * ({@link RateLimiter#chargeLogin}), so a stolen access token cannot guess the password either.
 */
@ApplicationScoped
public class PasswordCheck {

    private final PasswordHasher passwords;
    private final RateLimiter rateLimiter;

    public PasswordCheck(PasswordHasher passwords, RateLimiter rateLimiter) {
        this.passwords = passwords;
        this.rateLimiter = rateLimiter;
    }

    /**
     * The user when the password is theirs and the account active; else INVALID_CREDENTIALS naming
     * {@code field}, alike for unknown, disabled and wrong (the time taken does not tell them apart).
     */
    public Uni<AppUser> verify(String username, AppUser user, String password, String clientAddress, String field) {
        return rateLimiter.chargeLogin(username, clientAddress)
                .chain(() -> passwords.matches(password, user == null || !user.active ? null : user.passwordHash))
                .chain(matches -> {
                    if (!matches) {
                        return Uni.createFrom().failure(invalidCredentials(field));
                    }
                    return rateLimiter.refundLogin(username, clientAddress).replaceWith(user);
                });
    }

    public static ApiException invalidCredentials(String field) {
        return new ApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password.", field, List.of(), Map.of());
    }
}
