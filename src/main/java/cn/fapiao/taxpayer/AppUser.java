package cn.fapiao.taxpayer;

import cn.fapiao.security.Role;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A person or partner system that logs in, belonging to exactly one organisation. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "display_name", length = 100)
    public String displayName;

    /** bcrypt hash; the password itself is never stored or logged. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles", nullable = false, columnDefinition = "varchar(16)[]")
    public String[] roles;

    /** Encrypted TOTP secret (FieldCipher format), null until enrolment starts. */
    @Column(name = "totp_secret", length = 200)
    public String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    public boolean totpEnabled;

    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public int version;

    public Set<Role> roleSet() {
        if (roles == null || roles.length == 0) {
            return Set.of();
        }
        return Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void setRoles(Set<Role> newRoles) {
        roles = newRoles.stream().sorted().map(Role::name).toArray(String[]::new);
    }
}
