package cn.fapiao.security;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepository<RefreshToken> {

    /** Locks the row: two refreshes with one token are serialised, the second sees it used. */
    public Uni<RefreshToken> findByHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, OffsetDateTime at) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", at, familyId);
    }
}
