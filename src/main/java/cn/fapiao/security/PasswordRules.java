package cn.fapiao.security;

import cn.fapiao.domain.Problem;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a new password must be, wherever one is set (an admin creating or resetting, a user changing theirs). */
public final class PasswordRules {

    private PasswordRules() {
    }

    public static void check(String password, String field, List<Problem> problems) {
        if (password == null || password.length() < 10) {
            problems.add(new Problem(field, "TOO_SHORT", "A password needs at least 10 characters."));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            problems.add(new Problem(field, "TOO_LONG", "A password may have at most 72 bytes."));
        }
    }
}
