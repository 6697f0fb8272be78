package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.graphql.GraphQLConfig;
import graphql.ExecutionResult;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Serves GraphQL over HTTP on {@code /graphql} as the GraphQL-over-HTTP specification (as audited
 * by the {@code graphql-http} package) asks, in place of SmallRye's HTTP handler, which could not be
 * configured to: it reads and checks the request (media types, GET parameters, the type of every
 * parameter), resolves persisted operations, runs the request through SmallRye's execution
 * ({@link GraphQLExecution}) and writes the answer with the specification's status codes
 * ({@link GraphQLAnswer}) without SmallRye's intermediate JSON tree ({@link AnswerJson}).
 *
 * <p>The route sits after SmallRye's WebSocket handler (order -99), which takes every upgrade to
 * GraphQL over WebSocket on the same path, and before SmallRye's HTTP handler, which it never
 * passes a request to. An upgrade that still reaches it is passed on untouched.
 */
@ApplicationScoped
public class GraphQLRoute {

    /** After SmallRye's WebSocket handler (-99), before its HTTP handler (default order). */
    static final int ORDER = -90;

    private final PersistedQueries persisted;
    private final GraphQLConfig graphQLConfig;
    private final String path;
    private final long maxBodyBytes;
    private final String publicCacheControl;
    private final int compressFrom;
    private volatile GraphQLExecution execution;

    public GraphQLRoute(PersistedQueries persisted, GraphQLConfig graphQLConfig, HttpConfig config,
                        @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "/graphql") String path,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                        @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean compression) {
        this.persisted = persisted;
        this.graphQLConfig = graphQLConfig;
        this.path = path;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        this.publicCacheControl = "public, max-age=" + config.publicCacheMaxAge().toSeconds();
        this.compressFrom = compression ? (int) config.compressFrom().asLongValue() : -1;
    }

    void register(@Observes Router router) {
        router.route(path).order(ORDER).handler(this::handle);
        SchemaDocument schema = new SchemaDocument(graphQLConfig);
        router.route(path + "/schema.graphql").order(ORDER).handler(schema::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.headers().contains(HttpHeaders.UPGRADE)) {
            ctx.next(); // GraphQL over WebSocket is SmallRye's
            return;
        }
        String answerType = MediaTypes.JSON;
        try {
            answerType = MediaTypes.answerType(ctx);
            HttpMethod method = request.method();
            if (method == HttpMethod.GET) {
                start(ctx, GraphQLRequest.fromParameters(ctx.queryParams()), answerType, true);
            } else if (method == HttpMethod.POST) {
                boolean json = MediaTypes.jsonBody(ctx);
                String type = answerType;
                readBody(ctx, body -> {
                    try {
                        String text = body.toString(StandardCharsets.UTF_8);
                        start(ctx, json ? GraphQLRequest.fromJson(text) : GraphQLRequest.fromDocument(text), type, false);
                    } catch (HttpRefusal refusal) {
                        refuse(ctx, type, refusal);
                    }
                });
            } else if (method == HttpMethod.OPTIONS) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS").setStatusCode(204).end();
            } else {
                ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
                throw new HttpRefusal(405, ErrorCode.METHOD_NOT_ALLOWED, null, "GraphQL is served with GET (queries) and POST.");
            }
        } catch (HttpRefusal refusal) {
            refuse(ctx, answerType, refusal);
        }
    }

    private void start(RoutingContext ctx, GraphQLRequest request, String answerType, boolean get) {
        if (persisted.runsAsSent(request)) {
            execute(ctx, request, answerType, get, false);
            return;
        }
        boolean documentWithHash = request.query() != null && request.persistedHash() != null;
        persisted.resolve(request).subscribe().with(
                resolved -> execute(ctx, resolved, answerType, get, documentWithHash),
                failure -> {
                    if (failure instanceof HttpRefusal refusal) {
                        refuse(ctx, answerType, refusal);
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    /** {@code register}: the client sent a document with its hash, to be stored once it has run. */
    private void execute(RoutingContext ctx, GraphQLRequest request, String answerType, boolean get, boolean register) {
        HttpExchange exchange = new HttpExchange(get);
        // Only a GET that names a persisted public query without a document, sent without
        // credentials, may be kept by shared caches; everything else is answered no-store.
        boolean cacheable = get && request.persistedHash() != null && !register
                && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
        GraphQLAnswer answer = new GraphQLAnswer(ctx, answerType, request.query(), exchange, cacheable ? publicCacheControl : null, compressFrom);
        execution().execute(ctx, request.forExecution(), exchange, register ? registering(answer, request) : answer);
    }

    /** Stores a document sent with its hash once it has parsed and validated (automatic persisted queries). */
    private ExecutionResponseWriter registering(GraphQLAnswer answer, GraphQLRequest request) {
        return new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                if (!persisted.allowListed() && documentRan(response.getExecutionResult())) {
                    persisted.register(request.persistedHash(), request.query());
                }
                answer.write(response);
            }

            @Override
            public void fail(Throwable failure) {
                answer.fail(failure);
            }
        };
    }

    private static boolean documentRan(ExecutionResult result) {
        return result.getErrors().stream().noneMatch(error -> {
            Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
            return code == null && !result.isDataPresent()
                    || ErrorCode.GRAPHQL_PARSE_FAILED.name().equals(String.valueOf(code))
                    || ErrorCode.GRAPHQL_VALIDATION_FAILED.name().equals(String.valueOf(code));
        });
    }

    private void refuse(RoutingContext ctx, String answerType, HttpRefusal refusal) {
        int status = refusal.status();
        if (status == 200 && MediaTypes.GRAPHQL_RESPONSE.equals(answerType)) {
            status = 400; // a GraphQL-level refusal: nothing ran
        }
        String type = status == 406 ? MediaTypes.JSON : answerType;
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        GraphQLAnswer.send(ctx, status, type, GraphQLAnswer.refusal(refusal.code(), refusal.field(), refusal.getMessage()), compressFrom);
    }

    /**
     * Reads the body up to {@code quarkus.http.limits.max-body-size} (HTTP 413 beyond it, as
     * Quarkus's body handler answered), whether or not it announced its length.
     */
    private void readBody(RoutingContext ctx, Consumer<Buffer> then) {
        if (ctx.body() != null && ctx.body().buffer() != null) {
            then.accept(ctx.body().buffer());
            return;
        }
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                refuse(ctx, MediaTypes.JSON, HttpRefusal.badRequest(null, "The Content-Length header is not a number."));
                return;
            }
        }
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer(length == null ? 1024 : (int) Math.min(Long.parseLong(length.trim()), maxBodyBytes));
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                tooLarge(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(ended -> {
            if (!refused[0]) {
                then.accept(body);
            }
        });
        request.resume();
    }

    private static void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close").setStatusCode(413).end();
    }

    private GraphQLExecution execution() {
        GraphQLExecution current = execution;
        if (current == null) {
            current = new GraphQLExecution();
            execution = current;
        }
        return current;
    }
}
