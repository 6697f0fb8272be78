package cn.fapiao.taxpayer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.fapiao.security.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A taxpayer organisation (enterprise) using the system, identified by its USCC. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 20)
    public String uscc;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "region_code", nullable = false, length = 4)
    public String regionCode;

    /** Roles whose users must log in with a one-time password (see {@link #requiresTotp}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "totp_required_roles", nullable = false, columnDefinition = "varchar(16)[]")
    public String[] totpRequiredRoles = new String[0];

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public Set<Role> totpRequiredRoleSet() {
        return Arrays.stream(totpRequiredRoles == null ? new String[0] : totpRequiredRoles).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void setTotpRequiredRoles(Set<Role> roles) {
        totpRequiredRoles = roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    /** Whether a user with these roles must have a second factor. */
    public boolean requiresTotp(Set<Role> roles) {
        return roles.stream().anyMatch(totpRequiredRoleSet()::contains);
    }
}
