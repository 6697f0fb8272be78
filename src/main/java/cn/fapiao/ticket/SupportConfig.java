package cn.fapiao.ticket;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The feedback desk's settings ({@code fapiao.support.*}, e.g. FAPIAO_SUPPORT_SLA_URGENT_FIRST_RESPONSE). */
@ConfigMapping(prefix = "fapiao.support")
public interface SupportConfig {

    /**
     * USCC of the organisation that runs the feedback desk (the operator of this system): its
     * SUPPORT_AGENT users see and work every ticket. Agents of other organisations are ordinary
     * submitters. Without it nobody works the desk.
     */
    Optional<String> deskOrganisation();

    /** Username of the desk's team lead: escalated tickets and low ratings are assigned to them. */
    Optional<String> teamLead();

    /** The team escalated tickets go to. */
    @WithDefault("leads")
    String escalationTeam();

    /** How often a replica looks for late tickets and resolved tickets to close (one replica does the work at a time). */
    @WithDefault("60s")
    String watchEvery();

    Sla sla();

    Attachments attachments();

    /** Per level: the first response within a duration, the resolution within working days. */
    interface Sla {
        @WithDefault("PT15M")
        Duration urgentFirstResponse();

        OptionalInt urgentResolutionWorkingDays();

        @WithDefault("PT24H")
        Duration normalFirstResponse();

        OptionalInt normalResolutionWorkingDays();

        @WithDefault("PT24H")
        Duration complexFirstResponse();

        @WithDefault("5")
        OptionalInt complexResolutionWorkingDays();

        default Map<TicketLevel, SlaClock.Target> targets() {
            Map<TicketLevel, SlaClock.Target> targets = new EnumMap<>(TicketLevel.class);
            targets.put(TicketLevel.URGENT, new SlaClock.Target(urgentFirstResponse(), boxed(urgentResolutionWorkingDays())));
            targets.put(TicketLevel.NORMAL, new SlaClock.Target(normalFirstResponse(), boxed(normalResolutionWorkingDays())));
            targets.put(TicketLevel.COMPLEX, new SlaClock.Target(complexFirstResponse(), boxed(complexResolutionWorkingDays())));
            return targets;
        }

        private static Integer boxed(OptionalInt value) {
            return value.isPresent() ? value.getAsInt() : null;
        }
    }

    interface Attachments {
        /**
         * Largest file, in bytes. Its base64 text (4/3 of it) must fit in one request
         * (quarkus.http.limits.max-body-size, 1M by default): 512 KiB makes about 700 KB.
         */
        @WithDefault("524288")
        int maxFileBytes();

        /** Most bytes of all attachments of one ticket together. */
        @WithDefault("4194304")
        int maxTicketBytes();

        /** Most attachments of one ticket. */
        @WithDefault("10")
        int maxPerTicket();
    }
}
