package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** What a request sends and what its client accepts, as the GraphQL-over-HTTP specification names them. */
final class MediaTypes {

    /** The specification's own type: parse, validation and coercion failures get their 4xx with it. */
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    /** What SmallRye answered with before; still accepted from clients that ask for it. */
    static final String LEGACY_GRAPHQL_JSON = "application/graphql+json";
    /** A POST body that is the document itself (SmallRye accepted it; no browser sends it without a preflight). */
    static final String GRAPHQL_DOCUMENT = "application/graphql";

    private MediaTypes() {
    }

    /**
     * The type to answer in, from the {@code Accept} header in the client's order of preference:
     * JSON when the header is missing or allows anything (clients from before the specification).
     */
    static String answerType(RoutingContext ctx) {
        String header = ctx.request().getHeader("Accept");
        if (header == null || header.isBlank()) {
            return JSON;
        }
        List<MIMEHeader> accepted = ctx.parsedHeaders().accept();
        for (MIMEHeader type : accepted) {
            String value = type.value().toLowerCase();
            String charset = type.parameter("charset");
            if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
                continue; // we answer in UTF-8 only
            }
            switch (value) {
                case GRAPHQL_RESPONSE, JSON, LEGACY_GRAPHQL_JSON -> {
                    return value;
                }
                case "*/*", "application/*" -> {
                    return JSON;
                }
                default -> {
                }
            }
        }
        throw new HttpRefusal(406, ErrorCode.NOT_ACCEPTABLE, null,
                "This server answers in application/graphql-response+json or application/json; the Accept header allows neither.");
    }

    /**
     * Whether the POST body is a JSON request (true) or the document itself (false). Anything else
     * is refused: a browser sends {@code text/plain} and form bodies to any site without a CORS
     * preflight, so accepting them would let any page make a logged-in user's browser post here.
     */
    static boolean jsonBody(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Type");
        if (header == null || header.isBlank()) {
            throw unsupported("The request has no Content-Type: send the GraphQL request as application/json.");
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase();
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")
                    && !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw unsupported("Only UTF-8 request bodies are read; got charset " + parameter[1].trim() + ".");
            }
        }
        if (type.equals(JSON)) {
            return true;
        }
        if (type.equals(GRAPHQL_DOCUMENT)) {
            return false;
        }
        throw unsupported("A POST body of type " + type + " is not read: send the GraphQL request as application/json.");
    }

    private static HttpRefusal unsupported(String message) {
        return new HttpRefusal(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, message);
    }
}
