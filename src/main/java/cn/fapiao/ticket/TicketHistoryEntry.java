package cn.fapiao.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of a ticket: who, when, what changed from what to what, and why. */
@Entity
@Table(name = "support_ticket_history")
public class TicketHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    public TicketMessage.Actor actorKind;

    @Column(name = "actor_user_id")
    public Long actorUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Change change;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    public String reason;

    /** What changed. */
    public enum Change {
        SUBMITTED,
        STATUS,
        LEVEL,
        ASSIGNMENT,
        BREACHED,
        ESCALATED,
        RATED,
        MERGED,
        LEAD_REVIEW
    }
}
