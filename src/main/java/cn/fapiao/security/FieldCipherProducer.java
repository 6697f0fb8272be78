package cn.fapiao.security;

import cn.fapiao.security.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the configured key ring available as one {@link FieldCipher}; a bad key stops start-up. */
@ApplicationScoped
public class FieldCipherProducer {

    @Produces
    @ApplicationScoped
    FieldCipher fieldCipher(EncryptionConfig config) {
        return FieldCipher.fromBase64(config.keys(), config.activeKey());
    }
}
