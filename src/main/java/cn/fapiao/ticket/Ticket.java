package cn.fapiao.ticket;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketCategory;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A feedback ticket: the aggregate the desk works (messages and history are rows of their own). */
@Entity
@Table(name = "support_ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tracking_number", nullable = false, updatable = false)
    public String trackingNumber;

    /** Null when submitted anonymously. */
    @Column(name = "organisation_id", updatable = false)
    public Long organisationId;

    @Column(name = "submitted_by", updatable = false)
    public Long submittedBy;

    @Column(name = "access_key_hash", updatable = false)
    public byte[] accessKeyHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketCategory category;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    /** Sealed with FieldCipher (associated data {@link #CONTACT_COLUMN}). */
    public String contact;

    public static final String CONTACT_COLUMN = "support_ticket.contact";

    @Column(name = "invoice_reference")
    public String invoiceReference;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "diagnosis_findings", nullable = false, columnDefinition = "varchar(40)[]")
    public String[] diagnosisFindings = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_level", nullable = false)
    public TicketLevel proposedLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Column(name = "assignee_id")
    public Long assigneeId;

    public String team;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "first_response_due", nullable = false)
    public Instant firstResponseDue;

    @Column(name = "resolution_due")
    public Instant resolutionDue;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When it started waiting on the submitter; null while its clock runs. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "merged_into_id")
    public Long mergedIntoId;

    public Short rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Column(name = "needs_lead_review", nullable = false)
    public boolean needsLeadReview;

    @Column(name = "suggestion_id")
    public UUID suggestionId;

    @Version
    public int version;

    public SlaClock.Due due() {
        return new SlaClock.Due(firstResponseDue, resolutionDue);
    }

    public Duration paused() {
        return Duration.ofSeconds(pausedSeconds);
    }
}
