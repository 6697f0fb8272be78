package cn.fapiao.ticket.submission;

import cn.fapiao.domain.TrackingNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * Hands out the next tracking number of a day, in the caller's transaction: an upsert on the day's
 * counter row, so every replica counts on the same row and no number is given twice (the row is
 * locked until the submission commits; a rolled-back submission leaves no gap).
 *
 * <p>The count is then read as an entity rather than with {@code returning}: Hibernate Reactive
 * wraps the result mapping of every native select in an object without equality, so its plan
 * cache kept one more plan of the statement per submission, all under one hash, and every lookup
 * compared them all (11% of the server's CPU per submission in the bench's profile;
 * TrackingNumbersPlanCacheTest). A native update and a load by id are cached as they should be.
 */
@ApplicationScoped
public class TrackingNumbers {

    private static final String COUNT = "insert into support_ticket_day (day, last) values (?1, 1) "
            + "on conflict (day) do update set last = support_ticket_day.last + 1";

    public Uni<TrackingNumber> next(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(COUNT).setParameter(1, day).executeUpdate()
                // Nobody else can change the row until this transaction ends: what it holds now is ours.
                .chain(() -> s.find(TrackingDay.class, day))
                .map(counted -> new TrackingNumber(day, counted.last)));
    }
}
