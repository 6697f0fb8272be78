package cn.fapiao.ticket.submission;

import cn.fapiao.support.Tickets;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every submission counts its tracking number on the day's row. Read back with a native select
 * ({@code returning}), each submission added a plan to Hibernate's query plan cache: Hibernate
 * Reactive wraps a native select's result mapping in an object without equality, so the cache key
 * never matched, every new plan went under the same hash, and each lookup compared them all (the
 * bench's profile of submitFeedback showed it). The cache must not grow with the submissions.
 */
@QuarkusTest
class TrackingNumbersPlanCacheTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void submissionsDoNotFillTheQueryPlanCache() throws Exception {
        Tickets.anonymous("Plan cache warm-up");
        int before = cachedPlans();
        for (int i = 0; i < 25; i++) {
            Tickets.anonymous("Plan cache " + i);
        }
        int grown = cachedPlans() - before;
        assertTrue(grown < 5, "25 submissions added " + grown + " query plans to Hibernate's cache");
    }

    private int cachedPlans() throws ReflectiveOperationException {
        return factory(ClientProxy.unwrap(sessions)).getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }

    /** Hibernate Reactive's factory wraps ORM's (a field of its implementation). */
    private static SessionFactoryImplementor factory(Object wrapper) throws ReflectiveOperationException {
        for (Class<?> type = wrapper.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                field.setAccessible(true);
                Object value = field.get(wrapper);
                if (value instanceof SessionFactoryImplementor implementor) {
                    return implementor;
                }
                if (value instanceof Mutiny.SessionFactory inner && inner != wrapper) {
                    return factory(inner);
                }
            }
        }
        throw new IllegalStateException("no SessionFactoryImplementor inside " + wrapper.getClass());
    }
}
