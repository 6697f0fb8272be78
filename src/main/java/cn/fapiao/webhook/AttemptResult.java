package cn.fapiao.webhook;

import java.time.OffsetDateTime;

/** How one attempt ended: the endpoint's HTTP status, or why no answer came. */
public record AttemptResult(OffsetDateTime startedAt, int durationMs, Integer statusCode, String error) {

    public static final int MAX_ERROR = 300;

    public AttemptResult {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    /** Only a 2xx answer counts; redirects are not followed (they could lead anywhere, the internal network too). */
    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
