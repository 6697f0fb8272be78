package cn.fapiao.security;

import cn.fapiao.support.Accounts;
import cn.fapiao.support.Accounts.Account;
import cn.fapiao.support.Eventually;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Users change their own password with the old one; their other sessions end, the one asking goes on. */
@QuarkusTest
class PasswordChangeTest {

    @Test
    void aUserChangesTheirPasswordAndTheirOtherSessionsEnd() {
        Account user = Accounts.create("a-admin", "pw-owner", "ACCOUNTANT");
        JsonPath here = user.login();
        JsonPath elsewhere = user.login();
        String token = here.get("data.login.accessToken");
        String otherToken = elsewhere.get("data.login.accessToken");

        JsonPath changed = GraphQL.postAs(token, "changePassword", "oldPassword", user.password(), "newPassword", "my-own-new-password");
        assertEquals(true, changed.get("data.changePassword"), changed::prettify);

        Eventually.within(Duration.ofSeconds(5), () -> GraphQL.postAs(otherToken, "me"), body -> "UNAUTHENTICATED".equals(code(body)),
                "the other session's token is refused");
        assertEquals("UNAUTHENTICATED", code(GraphQL.post("refreshToken", "refreshToken", elsewhere.get("data.login.refreshToken"))));
        assertNull(GraphQL.postAs(token, "me").get("errors"), "the session that changed it goes on");
        assertNull(GraphQL.post("refreshToken", "refreshToken", here.get("data.login.refreshToken")).get("errors"));

        assertEquals("INVALID_CREDENTIALS", code(user.login()));
        assertNull(Tokens.loginResponse(user.username(), "my-own-new-password", null).get("errors"));
    }

    @Test
    void theOldPasswordIsRequiredAndTheNewOneMustFitTheRules() {
        Account user = Accounts.create("b-admin", "pw-rules", "AUDITOR");
        String token = user.accessToken();

        JsonPath wrong = GraphQL.postAs(token, "changePassword", "oldPassword", "a-stolen-tokens-guess", "newPassword", "a-thiefs-password");
        assertEquals("INVALID_CREDENTIALS", code(wrong), wrong::prettify);
        assertEquals("oldPassword", wrong.get("errors[0].extensions.field"));

        JsonPath tooShort = GraphQL.postAs(token, "changePassword", "oldPassword", user.password(), "newPassword", "short");
        assertEquals("VALIDATION_FAILED", code(tooShort));
        assertEquals("newPassword", tooShort.get("errors[0].extensions.field"));
        JsonPath same = GraphQL.postAs(token, "changePassword", "oldPassword", user.password(), "newPassword", user.password());
        assertEquals("UNCHANGED", same.get("errors[0].extensions.problems[0].code"), same::prettify);

        assertNull(user.login().get("errors"), "the password is unchanged");
    }

    @Test
    void externalIdentitiesChangeTheirPasswordAtTheirProvider() {
        String external = Tokens.external("ext-user", "91110000802100433B", List.of("AUDITOR"), "keys/other-private.pem");
        JsonPath body = GraphQL.postAs(external, "changePassword", "oldPassword", "whatever-it-was", "newPassword", "long-enough-password");
        assertEquals("FORBIDDEN", code(body), body::prettify);
    }

    private static String code(JsonPath body) {
        return body.get("errors[0].extensions.code");
    }
}
