package cn.fapiao.event;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * This replica's view of the event outbox: it reads committed events in position order and hands
 * each to the watchers (cache eviction, first) and then to the live listeners of the organisations
 * that may see it. It reads when told (NOTIFY 'outbox:' from a commit, then 'events:' once
 * positions are assigned), after every reconnection of the listening connection, and every
 * poll interval, so an event committed while a notification was lost still arrives, late.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    private static final int BATCH = 500;
    static final String COLUMNS = "position, kind, subject_id, organisation_ids, data::text, created_at";
    private static final String NEXT = "select " + COLUMNS + " from event_outbox where position > $1 order by position limit " + BATCH;
    private static final String REPLAY = "select " + COLUMNS + " from event_outbox"
            + " where position > $1 and position <= $2 and kind = $3"
            + " and ($4::bigint is null or organisation_ids @> array[$4::bigint]) and ($5::bigint is null or subject_id = $5)"
            + " order by position limit $6";
    private static final String PRUNE = """
            with pruned as (
                delete from event_outbox where position is not null and created_at < now() - make_interval(secs => $1)
                returning position)
            update event_retention set pruned_through = greatest(pruned_through, (select coalesce(max(position), 0) from pruned))""";

    private final Pool pool;
    private final Vertx vertx;
    private final EventChannel channel;
    private final EventsConfig config;
    private final Counter published;
    private final List<Function<OutboxEvent, Uni<Void>>> watchers = new CopyOnWriteArrayList<>();
    /** Live listeners by what they follow: an organisation ("org:<id>") or one subject ("<kind>:<id>"). */
    private final Map<String, Set<Consumer<OutboxEvent>>> listeners = new ConcurrentHashMap<>();
    private final Object delivering = new Object();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean readAgain = new AtomicBoolean();
    private final AtomicBoolean assigning = new AtomicBoolean();
    private final AtomicBoolean assignAgain = new AtomicBoolean();
    private volatile long lastPosition = -1;
    private final List<Long> timers = new ArrayList<>();

    public EventFeed(Pool pool, Vertx vertx, EventChannel channel, EventsConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.vertx = vertx;
        this.channel = channel;
        this.config = config;
        this.published = Counter.builder("fapiao.events.received")
                .description("Committed events this replica read from the outbox and handed to its caches, subscribers and webhooks")
                .register(metrics);
    }

    /** Runs for every event, before any live listener gets it (cache eviction: a listener must not read a stale copy). */
    public void watch(Function<OutboxEvent, Uni<Void>> watcher) {
        watchers.add(watcher);
    }

    /**
     * Hands every event that organisation may see, from now on, to the listener (on an event-loop
     * thread; it must not block). The answer says the last position before the first event it will
     * get, so that what came earlier can be {@link #replay replayed} without a gap or a repeat.
     */
    public Registration listen(long organisationId, Consumer<OutboxEvent> listener) {
        return register("org:" + organisationId, listener);
    }

    /** Hands every event of one subject (e.g. one ticket, whoever may see it) to the listener; as {@link #listen}. */
    public Registration listenToSubject(String kind, long subjectId, Consumer<OutboxEvent> listener) {
        return register(kind + ":" + subjectId, listener);
    }

    private Registration register(String key, Consumer<OutboxEvent> listener) {
        synchronized (delivering) {
            listeners.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
            return new Registration(lastPosition, () -> {
                synchronized (delivering) {
                    Set<Consumer<OutboxEvent>> following = listeners.get(key);
                    if (following != null) {
                        following.remove(listener);
                        if (following.isEmpty()) {
                            listeners.remove(key);
                        }
                    }
                }
            });
        }
    }

    /**
     * The events of a kind the organisation may see after position {@code after} up to
     * {@code through}. Refused with RESUME_NOT_POSSIBLE when some of them were already pruned or
     * when there are more than the replay limit: the client then reloads what it shows and
     * subscribes afresh.
     */
    public Uni<List<OutboxEvent>> replay(long organisationId, String kind, long after, long through) {
        return replay(kind, organisationId, null, after, through);
    }

    /** As {@link #replay(long, String, long, long)}, for the events of one subject. */
    public Uni<List<OutboxEvent>> replaySubject(String kind, long subjectId, long after, long through) {
        return replay(kind, null, subjectId, after, through);
    }

    private Uni<List<OutboxEvent>> replay(String kind, Long organisationId, Long subjectId, long after, long through) {
        int limit = config.replayLimit();
        return pool.query("select pruned_through from event_retention").execute()
                .chain(retention -> {
                    long prunedThrough = retention.iterator().next().getLong(0);
                    if (after < prunedThrough) {
                        throw new ApiException(ErrorCode.RESUME_NOT_POSSIBLE, "afterEventId", "Events up to " + prunedThrough
                                + " are no longer kept (events are kept for " + config.retention().toHours()
                                + " hours): reload what you show, then subscribe without afterEventId.");
                    }
                    return pool.preparedQuery(REPLAY).execute(Tuple.tuple().addLong(after).addLong(through).addString(kind)
                            .addLong(organisationId).addLong(subjectId).addInteger(limit + 1));
                })
                .map(rows -> {
                    List<OutboxEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(toEvent(row)));
                    if (events.size() > limit) {
                        throw new ApiException(ErrorCode.RESUME_NOT_POSSIBLE, "afterEventId", "More than " + limit
                                + " events were missed: reload what you show, then subscribe without afterEventId.");
                    }
                    return events;
                });
    }

    /** Events a live stream may fall behind by before it ends with SUBSCRIBER_TOO_SLOW. */
    public static final int MAX_BEHIND = 512;

    /**
     * The events the organisation may see, live: first those after {@code after} (null: none), then
     * each as it is committed, every one once and in order. {@code onEnd} runs once when the stream ends.
     */
    public Multi<OutboxEvent> followOrganisation(long organisationId, String kind, Long after, Runnable onEnd) {
        return follow(listener -> listen(organisationId, listener), through -> replay(organisationId, kind, after, through), after, onEnd);
    }

    /** As {@link #followOrganisation}, for the events of one subject. */
    public Multi<OutboxEvent> followSubject(String kind, long subjectId, Long after, Runnable onEnd) {
        return follow(listener -> listenToSubject(kind, subjectId, listener), through -> replaySubject(kind, subjectId, after, through), after, onEnd);
    }

    private Multi<OutboxEvent> follow(Function<Consumer<OutboxEvent>, Registration> register,
                                      Function<Long, Uni<List<OutboxEvent>>> missedThrough, Long after, Runnable onEnd) {
        Multi<OutboxEvent> raw = Multi.createFrom().<OutboxEvent>emitter(emitter -> {
            // Live events that arrive while the missed ones are read wait here, so that the
            // subscriber gets every event once and in order.
            Deque<OutboxEvent> waiting = new ArrayDeque<>();
            boolean[] replaying = {after != null};
            Registration registration = register.apply(event -> {
                synchronized (waiting) {
                    if (replaying[0]) {
                        waiting.add(event);
                    } else {
                        emitter.emit(event);
                    }
                }
            });
            emitter.onTermination(() -> {
                registration.close().run();
                onEnd.run();
            });
            if (after != null) {
                missedThrough.apply(registration.from()).subscribe().with(missed -> {
                    synchronized (waiting) {
                        missed.forEach(emitter::emit);
                        waiting.forEach(emitter::emit);
                        waiting.clear();
                        replaying[0] = false;
                    }
                }, emitter::fail);
            }
        }, BackPressureStrategy.ERROR);
        return raw.onOverflow().buffer(MAX_BEHIND)
                .onFailure(BackPressureFailure.class).transform(e -> new ApiException(ErrorCode.SUBSCRIBER_TOO_SLOW,
                        "This subscription fell more than " + MAX_BEHIND + " events behind and ended: subscribe again with afterEventId."));
    }

    /** How many live listeners follow the feed on this replica. */
    public int listening() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    /** The position of the last event this replica has handed out. */
    public long lastPosition() {
        return lastPosition;
    }

    void start(@Observes StartupEvent start) {
        lastPosition = pool.query("select coalesce(max(position), 0) from event_outbox").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(30));
        channel.on("outbox", ignored -> assignThenRead());
        channel.on("events", ignored -> read());
        channel.onListening(this::assignThenRead);
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> assignThenRead()));
        timers.add(vertx.setPeriodic(config.pruneInterval().toMillis(), id -> prune()));
    }

    void stop(@Observes ShutdownEvent stop) {
        timers.forEach(vertx::cancelTimer);
    }

    /**
     * Positions committed events (any replica may: the database function takes one at a time), then
     * reads. Calls that arrive while one runs are folded into one more run.
     */
    void assignThenRead() {
        if (!assigning.compareAndSet(false, true)) {
            assignAgain.set(true);
            return;
        }
        assignAgain.set(false);
        pool.query("select assign_event_positions()").execute().subscribe().with(
                rows -> {
                    assigning.set(false);
                    read();
                    if (assignAgain.get()) {
                        assignThenRead();
                    }
                },
                failure -> {
                    assigning.set(false);
                    LOG.warn("Could not assign event positions; the next poll tries again", failure);
                });
    }

    /** Reads what follows the last position; one read at a time, and once more if asked meanwhile. */
    void read() {
        if (!reading.compareAndSet(false, true)) {
            readAgain.set(true);
            return;
        }
        readAgain.set(false);
        pool.preparedQuery(NEXT).execute(Tuple.of(lastPosition))
                .map(rows -> {
                    List<OutboxEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                })
                .call(this::watched)
                .subscribe().with(
                        events -> {
                            deliver(events);
                            reading.set(false);
                            if (events.size() == BATCH || readAgain.get()) {
                                read();
                            }
                        },
                        failure -> {
                            reading.set(false);
                            LOG.warn("Could not read the event outbox; the next poll tries again", failure);
                        });
    }

    private Uni<Void> watched(List<OutboxEvent> events) {
        if (events.isEmpty() || watchers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> all = new ArrayList<>();
        for (OutboxEvent event : events) {
            for (Function<OutboxEvent, Uni<Void>> watcher : watchers) {
                all.add(watcher.apply(event).onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "A watcher of event %d failed", event.position());
                    return null;
                }));
            }
        }
        return Uni.join().all(all).andCollectFailures().replaceWithVoid();
    }

    private void deliver(List<OutboxEvent> events) {
        synchronized (delivering) {
            for (OutboxEvent event : events) {
                if (event.position() <= lastPosition) {
                    continue;
                }
                for (Long organisationId : event.organisationIds()) {
                    hand(listeners.get("org:" + organisationId), event);
                }
                hand(listeners.get(event.kind() + ":" + event.subjectId()), event);
                lastPosition = event.position();
                published.increment();
            }
        }
    }

    private static void hand(Set<Consumer<OutboxEvent>> following, OutboxEvent event) {
        if (following == null) {
            return;
        }
        for (Consumer<OutboxEvent> listener : following) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A listener of event %d failed", event.position());
            }
        }
    }

    private void prune() {
        pool.preparedQuery(PRUNE).execute(Tuple.of((double) config.retention().toSeconds())).subscribe().with(
                ok -> { },
                failure -> LOG.warn("Could not prune old events; the next run tries again", failure));
    }

    static OutboxEvent toEvent(Row row) {
        Set<Long> organisations = new HashSet<>();
        for (Long id : row.getArrayOfLongs("organisation_ids")) {
            organisations.add(id);
        }
        return new OutboxEvent(row.getLong("position"), row.getString("kind"), row.getLong("subject_id"),
                Set.copyOf(organisations), new JsonObject(row.getString("data")), row.getOffsetDateTime("created_at"));
    }

    /** A live listener's place in the feed: events after {@code from} reach it until it is closed. */
    public record Registration(long from, Runnable close) {
    }
}
