package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the answer to one GraphQL request with the status the GraphQL-over-HTTP specification
 * gives it. A client that accepts {@code application/json} gets HTTP 200 for every GraphQL answer,
 * as always; one that accepts {@code application/graphql-response+json} gets 400 when nothing ran
 * (a document that does not parse or validate, variables that do not fit, a query over the limits),
 * 500 for a fault of ours that stopped everything, and 200 whenever the answer has data.
 */
final class GraphQLAnswer implements ExecutionResponseWriter {

    /** SmallRye's answer when the text is not a GraphQL document (it parses before graphql-java does). */
    static final String SMALLRYE_UNPARSEABLE = "Unparseable input document";

    private final RoutingContext ctx;
    private final String answerType;
    private final String document;
    private final HttpExchange exchange;
    private final String cacheControl;
    private final int compressFrom;

    /**
     * @param cacheControl the {@code Cache-Control} of a successful public reference answer, or null
     *                     when this request may not be kept by caches in any case
     * @param compressFrom  the smallest answer worth compressing, in bytes; -1 when compression is off
     */
    GraphQLAnswer(RoutingContext ctx, String answerType, String document, HttpExchange exchange, String cacheControl, int compressFrom) {
        this.ctx = ctx;
        this.answerType = answerType;
        this.document = document;
        this.exchange = exchange;
        this.cacheControl = cacheControl;
        this.compressFrom = compressFrom;
    }

    @Override
    public void write(ExecutionResponse response) {
        ExecutionResult result = parseFailureCoded(response.getExecutionResult());
        int status = statusOf(result);
        HttpServerResponse http = ctx.response();
        if (status == 405) {
            http.putHeader(HttpHeaders.ALLOW, "POST");
        }
        boolean cacheable = cacheControl != null && status == 200 && result.getErrors().isEmpty() && exchange.publicReference();
        http.putHeader(HttpHeaders.CACHE_CONTROL, cacheable ? cacheControl : "no-store");
        if (cacheable) {
            http.putHeader(HttpHeaders.VARY, "Accept, Accept-Encoding");
        }
        send(ctx, status, answerType, result, compressFrom);
    }

    @Override
    public void fail(Throwable failure) {
        ctx.fail(failure);
    }

    /**
     * Sends the answer; with compression on ({@code quarkus.http.enable-compression}), answers
     * smaller than {@code compressFrom} bytes go uncompressed: compressing them costs more CPU (and
     * often bytes) than it saves. Vert.x compresses the others as the client's
     * {@code Accept-Encoding} allows. (Quarkus's own decision, by media type, is a route that runs
     * after ours, so it is made here.)
     */
    static void send(RoutingContext ctx, int status, String answerType, ExecutionResult result, int compressFrom) {
        HttpServerResponse http = ctx.response();
        if (http.ended()) {
            return;
        }
        Buffer body = AnswerJson.write(result);
        if (compressFrom >= 0 && body.length() < compressFrom) {
            http.putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        http.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, answerType + "; charset=utf-8")
                .end(body);
    }

    /** A refusal before anything was executed, as a GraphQL answer with one coded error. */
    static ExecutionResult refusal(ErrorCode code, String field, String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).extensions(extensions).build())
                .build();
    }

    private int statusOf(ExecutionResult result) {
        String code = firstCode(result);
        if (ErrorCode.METHOD_NOT_ALLOWED.name().equals(code)) {
            return 405; // for every client: a GET never mutates
        }
        if (!MediaTypes.GRAPHQL_RESPONSE.equals(answerType) || result.isDataPresent()) {
            return 200;
        }
        return ErrorCode.INTERNAL_ERROR.name().equals(code) ? 500 : 400;
    }

    private static String firstCode(ExecutionResult result) {
        List<GraphQLError> errors = result.getErrors();
        if (errors.isEmpty() || errors.get(0).getExtensions() == null) {
            return null;
        }
        Object code = errors.get(0).getExtensions().get("code");
        return code == null ? null : code.toString();
    }

    /**
     * SmallRye answers text that is not a GraphQL document with "Unparseable input document", no
     * code and no hint where; the client gets {@code GRAPHQL_PARSE_FAILED} with graphql-java's
     * message and location instead (the text is parsed again, only on this failure).
     */
    private ExecutionResult parseFailureCoded(ExecutionResult result) {
        List<GraphQLError> errors = result.getErrors();
        if (result.isDataPresent() || errors.size() != 1 || !SMALLRYE_UNPARSEABLE.equals(errors.get(0).getMessage())) {
            return result;
        }
        return parseFailure(document);
    }

    static ExecutionResult parseFailure(String document) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.InvalidSyntax)
                .extensions(Map.of("code", ErrorCode.GRAPHQL_PARSE_FAILED.name()));
        try {
            Parser.parse(document);
            error.message("The text in `query` is not a GraphQL document.");
        } catch (InvalidSyntaxException e) {
            error.message(e.getMessage());
            if (e.getLocation() != null) {
                error.location(e.getLocation());
            }
        } catch (RuntimeException e) {
            error.message("The text in `query` is not a GraphQL document.");
        }
        return ExecutionResultImpl.newExecutionResult().addError(error.build()).build();
    }
}
