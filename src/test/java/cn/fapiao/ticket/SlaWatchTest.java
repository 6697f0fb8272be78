package cn.fapiao.ticket;

import cn.fapiao.support.Tickets;
import cn.fapiao.ticket.workflow.SlaWatch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The SLA watch as two replicas run it: two runs at the same moment, each in its own transaction
 * on its own connection to the one database, escalate an overdue ticket exactly once; a ticket
 * waiting on its submitter is not late; a ticket resolved seven days ago closes by itself.
 */
@QuarkusTest
class SlaWatchTest {

    @Inject
    SlaWatch watch;

    @Inject
    Pool database;

    @Test
    void anOverdueTicketIsEscalatedExactlyOnceByTwoConcurrentRuns() throws Exception {
        Tickets.Submitted late = Tickets.byUser("b-issuer", Tickets.input("TECHNICAL_PROBLEM", "Export hangs", "The export never ends."));
        Tickets.Submitted waiting = Tickets.byUser("b-issuer", Tickets.input("TECHNICAL_PROBLEM", "Import hangs", "Waiting for our logs."));
        Tickets.agent("moveTicket", "id", waiting.id(), "action", "ACKNOWLEDGE");
        Tickets.agent("moveTicket", "id", waiting.id(), "action", "ASK_SUBMITTER");
        sql("update support_ticket set first_response_due = now() - interval '1 minute' where id in ($1, $2)", id(late), id(waiting));

        for (int round = 0; round < 3; round++) {
            List<Integer> counts = concurrently(2, () -> run(() -> watch.escalate(Instant.now())));
            if (round == 0) {
                // Other tests' overdue tickets may be escalated by the same runs; this one only once.
                assertEquals(1, count("select count(*) from support_ticket_history where ticket_id = $1 and change = 'ESCALATED'", id(late)), counts::toString);
            }
        }
        assertEquals(1, count("select count(*) from support_ticket_history where ticket_id = $1 and change = 'ESCALATED'", id(late)));
        assertEquals(1, count("select count(*) from support_ticket_history where ticket_id = $1 and change = 'BREACHED'", id(late)));
        assertEquals(1, count("select count(*) from event_outbox where subject_id = $1 and kind = 'ticket.updated' and data->>'change' = 'escalated'", id(late)),
                () -> database.preparedQuery("select string_agg(kind || data::text, ' | ') from event_outbox where subject_id = $1").execute(Tuple.of(id(late)))
                        .await().indefinitely().iterator().next().getString(0));
        JsonPath seen = cn.fapiao.support.GraphQL.postAs(cn.fapiao.support.Tokens.of("a-support_agent"), "ticket", "trackingNumber", late.trackingNumber());
        assertEquals("URGENT", seen.get("data.ticket.level"), seen::prettify);
        assertEquals("a-support_agent", seen.get("data.ticket.assignee"), "the team lead");
        assertNotNull(seen.get("data.ticket.breachedAt"));
        assertNotNull(seen.get("data.ticket.escalatedAt"));
        assertEquals("leads", seen.get("data.ticket.team"));
        // The desk finds it among the late ones.
        JsonPath breached = cn.fapiao.support.GraphQL.postAs(cn.fapiao.support.Tokens.of("a-support_agent"), "tickets",
                "filter", java.util.Map.of("breached", true, "level", List.of("URGENT")), "first", 100);
        List<String> numbers = breached.getList("data.tickets.edges.node.trackingNumber");
        assertEquals(true, numbers.contains(late.trackingNumber()), breached::prettify);
        assertEquals(false, numbers.contains(waiting.trackingNumber()));
        assertEquals(0, count("select count(*) from support_ticket where id = $1 and escalated_at is not null", id(waiting)), "its clock is paused");
    }

    @Test
    void aTicketResolvedSevenDaysAgoClosesByItselfOnce() throws Exception {
        Tickets.Submitted done = Tickets.byUser("b-issuer", Tickets.input("SUGGESTION", "Dark mode", "Please."));
        Tickets.agent("moveTicket", "id", done.id(), "action", "START_WORK");
        Tickets.agent("moveTicket", "id", done.id(), "action", "RESOLVE");
        Tickets.Submitted recent = Tickets.byUser("b-issuer", Tickets.input("SUGGESTION", "Light mode", "Please."));
        Tickets.agent("moveTicket", "id", recent.id(), "action", "START_WORK");
        Tickets.agent("moveTicket", "id", recent.id(), "action", "RESOLVE");
        sql("update support_ticket set resolved_at = now() - interval '7 days 1 minute' where id = $1", id(done));

        concurrently(2, () -> run(() -> watch.closeResolved(Instant.now())));
        assertEquals(1, count("select count(*) from support_ticket where id = $1 and status = 'CLOSED' and closed_at is not null", id(done)));
        assertEquals(1, count("select count(*) from support_ticket_history where ticket_id = $1 and to_value = 'CLOSED'", id(done)));
        assertEquals(1, count("select count(*) from support_ticket where id = $1 and status = 'RESOLVED'", id(recent)));
        // Closed more than seven days after its resolution: no reopening.
        JsonPath reopen = Tickets.agent("moveTicket", "id", done.id(), "action", "REOPEN");
        assertEquals("TICKET_REOPEN_WINDOW_OVER", reopen.get("errors[0].extensions.code"), reopen::prettify);
        assertNull(reopen.get("data"));
    }

    private static <T> List<T> concurrently(int runs, Callable<T> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run as a replica's scheduler makes it: on a Vert.x context of its own. */
    private static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> job) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(job);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long id(Tickets.Submitted ticket) {
        return Long.parseLong(ticket.id());
    }

    private void sql(String statement, Object... args) {
        database.preparedQuery(statement).execute(Tuple.from(args)).await().indefinitely();
    }

    private long count(String query, Object... args) {
        Row row = database.preparedQuery(query).execute(Tuple.from(args)).await().indefinitely().iterator().next();
        return row.getLong(0);
    }
}
