package cn.fapiao.security.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One login: its refresh-token family and its access tokens ({@code sid}) share the id. */
@Entity
@Table(name = "login_session")
public class LoginSession {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 32)
    public EndReason endReason;

    /** Why a session ended; stored, for whoever investigates an account. */
    public enum EndReason {
        LOGOUT,
        /** A used refresh token was presented again: stolen or replayed. */
        REFRESH_TOKEN_REUSED,
        /** The user changed their password; their other sessions end. */
        PASSWORD_CHANGED,
        /** An admin set a new password. */
        PASSWORD_RESET,
        DEACTIVATED,
        /** An admin removed the user's second factor. */
        TOTP_RESET,
        /** Ended before sessions were recorded (set by the migration only). */
        BEFORE_UPGRADE
    }
}
