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

/** A message on a ticket: a public reply the submitter sees, or an internal note only agents see. */
@Entity
@Table(name = "support_ticket_message")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_kind", nullable = false)
    public Actor authorKind;

    @Column(name = "author_user_id")
    public Long authorUserId;

    @Column(nullable = false)
    public boolean internal;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who acted on a ticket. */
    public enum Actor {
        SUBMITTER,
        AGENT,
        SYSTEM
    }
}
