package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;

/**
 * A request refused at the HTTP layer, before GraphQL sees it: its status, a code of the one
 * catalogue, a message for the client and the request parameter concerned (or null).
 */
final class HttpRefusal extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final String field;

    HttpRefusal(int status, ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static HttpRefusal badRequest(String field, String message) {
        return new HttpRefusal(400, ErrorCode.BAD_REQUEST, field, message);
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    String field() {
        return field;
    }
}
