package cn.fapiao.ticket.workflow;

import cn.fapiao.ticket.SupportConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The user id of the desk's team lead ({@code fapiao.support.team-lead}), or null when none is set or found. */
@ApplicationScoped
public class TeamLead {

    private final Pool pool;
    private final SupportConfig config;

    public TeamLead(Pool pool, SupportConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<Long> id() {
        if (config.teamLead().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("select id from app_user where username = $1 and active").execute(Tuple.of(config.teamLead().get()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }
}
