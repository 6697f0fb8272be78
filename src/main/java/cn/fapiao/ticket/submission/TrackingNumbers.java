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
 */
@ApplicationScoped
public class TrackingNumbers {

    private static final String NEXT = "insert into support_ticket_day (day, last) values (?1, 1) "
            + "on conflict (day) do update set last = support_ticket_day.last + 1 returning last";

    public Uni<TrackingNumber> next(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery(NEXT, Long.class).setParameter(1, day).getSingleResult())
                .map(sequence -> new TrackingNumber(day, sequence));
    }
}
