package cn.fapiao.support;

import java.net.URI;
import java.net.URL;

/**
 * Addresses on the management interface (health, metrics), a port of its own beside the public
 * one. A test injects its root with {@code @TestHTTPResource(value = "/", management = true) URL}
 * and asks here for the path it needs.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** {@code path} under {@code /q/} on the management port, e.g. {@code health/ready}. */
    public static URI at(URL management, String path) {
        return URI.create("http://" + management.getHost() + ":" + management.getPort() + "/q/" + path);
    }
}
