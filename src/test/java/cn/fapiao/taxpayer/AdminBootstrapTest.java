package cn.fapiao.taxpayer;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A new installation gets its first organisation and admin from configuration. */
@QuarkusTest
@TestProfile(AdminBootstrapTest.WithBootstrapAdmin.class)
class AdminBootstrapTest {

    public static class WithBootstrapAdmin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fapiao.bootstrap.organisation-uscc", "91440300708461136T",
                    "fapiao.bootstrap.organisation-name", "深圳首个客户",
                    "fapiao.bootstrap.admin-username", "first-admin",
                    "fapiao.bootstrap.admin-password", "first-admin-password");
        }
    }

    @Test
    void theConfiguredAdminCanLogInAndManageTheirOrganisation() {
        JsonPath login = Tokens.loginResponse("first-admin", "first-admin-password", null);
        assertNull(login.get("errors"), login::prettify);
        assertEquals(List.of("ADMIN"), login.getList("data.login.user.roles"));
        String token = login.get("data.login.accessToken");
        JsonPath created = GraphQL.postAs(token, "createUser", "input",
                Map.of("username", "shenzhen-issuer", "password", "shenzhen-password", "roles", List.of("ISSUER")));
        assertNull(created.get("errors"), created::prettify);
        assertEquals((String) login.get("data.login.user.organisationId"), created.get("data.createUser.organisationId"));
    }
}
