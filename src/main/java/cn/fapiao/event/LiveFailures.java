package cn.fapiao.event;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.smallrye.mutiny.Multi;
import org.jboss.logging.Logger;

/**
 * What a subscriber sees when its stream fails after it started: a refusal keeps its code, a
 * fault of ours is logged and answered as INTERNAL_ERROR, "System error". (Failures of a running
 * stream do not pass the field failure handler of queries; SmallRye would otherwise put a code made
 * from the exception's class name, such as {@code null-pointer}, into the answer.)
 */
public final class LiveFailures {

    private static final Logger LOG = Logger.getLogger(LiveFailures.class);

    private LiveFailures() {
    }

    public static <T> Multi<T> coded(Multi<T> stream, String subscription) {
        return stream.onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
            LOG.errorf(failure, "The subscription %s failed", subscription);
            return new ApiException(ErrorCode.INTERNAL_ERROR, "System error");
        });
    }
}
