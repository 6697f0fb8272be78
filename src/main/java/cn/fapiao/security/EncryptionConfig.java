package cn.fapiao.security;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * Keys for encrypting sensitive columns at rest ({@code fapiao.encryption.*}): a ring of
 * base64 AES-256 keys by id, e.g. {@code FAPIAO_ENCRYPTION_KEYS__2026A_=<base64>}, and the id
 * new values are encrypted with. Old keys stay in the ring until every value is re-encrypted.
 */
@ConfigMapping(prefix = "fapiao.encryption")
public interface EncryptionConfig {

    Map<String, String> keys();

    String activeKey();
}
