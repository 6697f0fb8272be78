package cn.fapiao.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An HTTPS endpoint of a partner system that receives an organisation's events. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 200)
    public String description;

    /** Outbox kinds ({@link WebhookEventKind#outboxKind()}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_kinds", nullable = false, columnDefinition = "varchar(32)[]")
    public String[] eventKinds;

    /** Sealed ({@link WebhookSecrets}); never leaves the service layer. */
    @Column(nullable = false, length = 300)
    public String secret;

    @Column(nullable = false)
    public boolean active = true;

    /** The database's clock, as the outbox's: events of transactions begun before it are not sent here. */
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Version
    public int version;

    public Set<WebhookEventKind> kinds() {
        Set<WebhookEventKind> kinds = EnumSet.noneOf(WebhookEventKind.class);
        for (String kind : eventKinds) {
            WebhookEventKind known = WebhookEventKind.ofOutboxKind(kind);
            if (known != null) {
                kinds.add(known);
            }
        }
        return kinds;
    }

    public void setKinds(Set<WebhookEventKind> kinds) {
        List<String> names = new ArrayList<>();
        for (WebhookEventKind kind : EnumSet.copyOf(kinds)) {
            names.add(kind.outboxKind());
        }
        eventKinds = names.toArray(String[]::new);
    }
}
