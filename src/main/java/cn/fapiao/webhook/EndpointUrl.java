package cn.fapiao.webhook;

import cn.fapiao.domain.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An endpoint's URL as the server accepts it: absolute {@code https} (or {@code http} where the
 * configuration allows), a host, no user-info (credentials in URLs end up in logs, and
 * {@code https://good@evil/} misleads readers), no fragment, at most 2000 characters. Pure: where
 * the host points is checked by {@link EndpointResolver}.
 */
public record EndpointUrl(URI uri, String host, int port, boolean https) {

    public static final int MAX_LENGTH = 2000;

    /** The URL, or a problem naming {@code field}. */
    public static Result parse(String text, boolean allowHttp, String field) {
        if (text == null || text.isBlank()) {
            return problem(field, "REQUIRED", "Give the endpoint's URL.");
        }
        if (text.length() > MAX_LENGTH) {
            return problem(field, "TOO_LONG", "The URL may have at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return problem(field, "INVALID_FORMAT", "The URL is not valid (characters outside a URL, or a broken part).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowHttp && scheme.equals("http"))) {
            return problem(field, "HTTPS_REQUIRED", "The URL must start with https://.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return problem(field, "USERINFO_NOT_ALLOWED", "The URL must not carry a user name or password (user@host).");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return problem(field, "INVALID_FORMAT", "The URL names no host.");
        }
        if (uri.getRawFragment() != null) {
            return problem(field, "INVALID_FORMAT", "The URL must not have a fragment (#...).");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return new Result(new EndpointUrl(uri, host.toLowerCase(Locale.ROOT), port, https), null);
    }

    /** Path and query as sent in the request line. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    public record Result(EndpointUrl url, Problem problem) {
    }

    private static Result problem(String field, String code, String message) {
        return new Result(null, new Problem(field, code, message));
    }
}
