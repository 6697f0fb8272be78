package cn.fapiao.support;

import cn.fapiao.event.EventFeed;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Duration;

/** Waits for this server's event feed, so that a test starts after the events of its set-up were handed out. */
public final class Events {

    private Events() {
    }

    /** Returns once every event committed so far has a position and this replica's feed has handed it out. */
    public static void settled(Pool database, EventFeed feed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Row row = database.query("select count(*) filter (where position is null), coalesce(max(position), 0) from event_outbox")
                    .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
            if (row.getLong(0) == 0 && feed.lastPosition() >= row.getLong(1)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the event feed did not catch up within 20 s");
    }

    /** Returns once no live listener follows the feed (the subscriptions of earlier tests have ended). */
    public static void quiet(EventFeed feed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (feed.listening() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Returns once at least {@code count} live listeners follow the feed (a subscription registers asynchronously). */
    public static void listening(EventFeed feed, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (feed.listening() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (feed.listening() < count) {
            throw new AssertionError("only " + feed.listening() + " live listeners after 20 s, expected " + count);
        }
    }
}
