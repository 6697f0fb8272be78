package cn.fapiao.common;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json.createObjectBuilder()} and its
 * siblings look the provider up through the ServiceLoader on every call, which scans the class
 * path: 7% of the server's CPU per {@code submitFeedback} in the bench's profile. Build JSON-P
 * values through {@link #PROVIDER} instead.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}
