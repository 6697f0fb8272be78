package cn.fapiao.export.stream;

import cn.fapiao.common.ErrorCode;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The headers of a file download and the JSON body of a refused one. */
public final class DownloadResponse {

    private DownloadResponse() {
    }

    /**
     * Headers of a file named {@code fileName}: an ASCII fallback name and the UTF-8 one (RFC 6266 /
     * RFC 5987), never cached (the content is one organisation's data), never sniffed.
     */
    public static HttpServerResponse fileHeaders(HttpServerResponse response, String mediaType, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return response.setStatusCode(200)
                .putHeader("Content-Type", mediaType)
                .putHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
    }

    /** A refusal: {@code {"error": {"code": ..., "message": ...}}} with the code's HTTP status. */
    public static void refuse(HttpServerResponse response, ErrorCode code, String message) {
        if (response.headWritten() || response.ended() || response.closed()) {
            response.reset();
            return;
        }
        response.setStatusCode(status(code))
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", new JsonObject().put("code", code.name()).put("message", message)).encode());
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case LINK_INVALID, INVOICE_NOT_FOUND -> 404;
            case LINK_EXPIRED -> 410;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case VALIDATION_FAILED -> 400;
            case RATE_LIMITED -> 429;
            default -> 500;
        };
    }
}
