package cn.fapiao.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Awaits a condition a user would see, with a deadline: no fixed sleeps as synchronisation. */
public final class Eventually {

    private Eventually() {
    }

    /** Asks again every 50 ms until the answer satisfies the condition; fails with the last answer after {@code within}. */
    public static <T> T within(Duration within, Supplier<T> ask, Predicate<T> condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T answer = ask.get();
        while (!condition.test(answer)) {
            if (System.nanoTime() > deadline) {
                fail("Not within " + within.toMillis() + " ms: " + what + "; last answer: "
                        + (answer instanceof io.restassured.path.json.JsonPath body ? body.prettify() : answer));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            answer = ask.get();
        }
        return answer;
    }
}
