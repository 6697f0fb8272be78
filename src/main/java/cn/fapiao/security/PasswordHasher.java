package cn.fapiao.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * bcrypt hashing and checking of passwords. bcrypt is slow on purpose, so it runs on a worker
 * thread, never on the event loop; the result comes back on the caller's context.
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private final Vertx vertx;
    private final int cost;
    /** Checked when the username is unknown, so that the time taken does not reveal which usernames exist. */
    private final String decoyHash;

    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.cost = config.bcryptCost();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.decoyHash = BCrypt.withDefaults().hashToString(cost, HexFormat.of().formatHex(random).toCharArray());
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BCrypt.withDefaults().hashToString(cost, password.toCharArray())));
    }

    /** True when the password matches; a null hash (unknown user) is checked against a decoy and fails. */
    public Uni<Boolean> matches(String password, String hash) {
        String against = hash == null ? decoyHash : hash;
        boolean usable = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        String candidate = usable ? password : "";
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> BCrypt.verifyer().verify(candidate.toCharArray(), against).verified && usable && hash != null));
    }
}
