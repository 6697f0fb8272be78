package cn.fapiao.webhook;

import java.time.Duration;

/**
 * When a failed delivery is tried again: {@code base * 2^(failures-1)}, capped at {@code max},
 * then spread to between half and all of it (jitter), so that the deliveries of a receiver that
 * was down do not all come back at the same instant. Pure; the random share is passed in.
 */
public final class Backoff {

    private Backoff() {
    }

    /**
     * @param failures attempts that have failed so far, at least 1
     * @param random   a number in [0, 1)
     */
    public static Duration after(int failures, Duration base, Duration max, double random) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 40);
        long millis = base.toMillis();
        long capped = max.toMillis();
        long delay = doublings >= 62 || millis > (capped >> doublings) ? capped : Math.min(capped, millis << doublings);
        return Duration.ofMillis(delay / 2 + (long) (delay / 2.0 * random));
    }
}
