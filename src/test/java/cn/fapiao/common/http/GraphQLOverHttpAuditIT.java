package cn.fapiao.common.http;

import cn.fapiao.support.PackagedServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The graphql-http audits against the packaged server (production profile), as CI runs it. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServer.class)
class GraphQLOverHttpAuditIT extends GraphQLOverHttpAuditTest {
}
