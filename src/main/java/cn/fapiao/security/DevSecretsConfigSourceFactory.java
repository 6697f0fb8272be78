package cn.fapiao.security;

import cn.fapiao.security.crypto.FieldCipher;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In dev mode only: when no signing key, encryption key or download-link key is configured, generate them once
 * into {@code .data/dev-secrets/} (never committed) and use them, so that a developer needs no
 * set-up and tokens survive restarts. Production never gets here: there the keys must come
 * from configuration (a Kubernetes Secret).
 */
public class DevSecretsConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        Path dir = Path.of(".data", "dev-secrets");
        Map<String, String> values = new HashMap<>();
        try {
            if (isBlank(context, "smallrye.jwt.sign.key.location") && isBlank(context, "smallrye.jwt.sign.key")) {
                Path privateKey = dir.resolve("jwt-private.pem");
                Path publicKey = dir.resolve("jwt-public.pem");
                if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                    writeKeyPair(privateKey, publicKey);
                }
                values.put("smallrye.jwt.sign.key.location", privateKey.toAbsolutePath().toString());
                values.put("mp.jwt.verify.publickey.location", publicKey.toAbsolutePath().toString());
            }
            if (isBlank(context, "fapiao.encryption.active-key")) {
                Path key = dir.resolve("encryption-key.txt");
                if (!Files.exists(key)) {
                    Files.createDirectories(dir);
                    Files.writeString(key, FieldCipher.newKeyBase64(new SecureRandom()), StandardCharsets.US_ASCII);
                    ownerOnly(key);
                }
                values.put("fapiao.encryption.active-key", "dev");
                values.put("fapiao.encryption.keys.dev", Files.readString(key, StandardCharsets.US_ASCII).strip());
            }
            if (isBlank(context, "fapiao.downloads.signing-key")) {
                Path key = dir.resolve("download-signing-key.txt");
                if (!Files.exists(key)) {
                    Files.createDirectories(dir);
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    Files.writeString(key, java.util.Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
                    ownerOnly(key);
                }
                values.put("fapiao.downloads.signing-key", Files.readString(key, StandardCharsets.US_ASCII).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create dev secrets in " + dir.toAbsolutePath(), e);
        }
        // Above application.properties (whose production defaults are empty), below the environment.
        return values.isEmpty() ? List.of() : List.of(new MapBackedConfigSource("DevSecrets", values, 260) {
        });
    }

    private static boolean isBlank(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }

    private static void writeKeyPair(Path privateKey, Path publicKey) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(privateKey.getParent());
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        ownerOnly(privateKey);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Secrets readable by their owner only, where the file system supports it. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (e.g. Windows): keep the default permissions.
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
