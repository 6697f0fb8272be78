package cn.fapiao.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the packaged server (the jar, production profile) needs to start in tests against it
 * ({@code *IT}, run by failsafe after packaging): the throw-away keys of {@code src/test/resources},
 * a throw-away embedded database, and a first organisation with its admin (the bootstrap, as on a
 * new installation), which is also the feedback desk's organisation; and introspection on, as a public
 * API may have it (FAPIAO_GRAPHQL_INTROSPECTION), because the graphql-http audits of variables query
 * {@code __type}. Everything else is as deployed. One configuration for every IT, so that they share
 * one start of the server.
 */
public class PackagedServer implements QuarkusTestResourceLifecycleManager {

    public static final String ORGANISATION = "91110000802100433B";
    public static final String ADMIN = "a-admin";

    @Override
    public Map<String, String> start() {
        Path keys = Path.of("src/test/resources/keys").toAbsolutePath();
        if (!Files.isRegularFile(keys.resolve("test-private.pem"))) {
            throw new IllegalStateException("Run from the project directory: " + keys + " is missing");
        }
        return Map.ofEntries(
                Map.entry("fapiao.embedded-postgres.persistent", "false"),
                Map.entry("smallrye.jwt.sign.key.location", keys.resolve("test-private.pem").toString()),
                Map.entry("mp.jwt.verify.publickey.location", keys.resolve("test-public.pem").toString()),
                Map.entry("fapiao.encryption.active-key", "test"),
                Map.entry("fapiao.encryption.keys.test", "7hJ3k9m2Qx4Lr8Tz1Vb6Nc5Wd0Ye3Uf9Gi2Oh7Pj4Sk="),
                Map.entry("fapiao.downloads.signing-key", "dGVzdC1vbmx5LWRvd25sb2FkLWxpbmsta2V5LTMyYnl0ZXMhIQ=="),
                Map.entry("fapiao.bootstrap.organisation-uscc", ORGANISATION),
                Map.entry("fapiao.bootstrap.organisation-name", "测试甲公司"),
                Map.entry("fapiao.bootstrap.admin-username", ADMIN),
                Map.entry("fapiao.bootstrap.admin-password", Tokens.PASSWORD),
                Map.entry("fapiao.support.desk-organisation", ORGANISATION),
                Map.entry("fapiao.support.team-lead", "a-support_agent"),
                Map.entry("FAPIAO_GRAPHQL_INTROSPECTION", "true"),
                Map.entry("quarkus.management.port", "0"),
                Map.entry("quarkus.log.console.json.enabled", "false"));
    }

    @Override
    public void stop() {
    }
}
