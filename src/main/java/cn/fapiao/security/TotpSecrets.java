package cn.fapiao.security;

import cn.fapiao.security.crypto.FieldCipher;
import cn.fapiao.taxpayer.AppUser;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps users' TOTP secrets encrypted at rest, bound to their column. */
@ApplicationScoped
public class TotpSecrets {

    private static final String COLUMN = "app_user.totp_secret";
    private final FieldCipher cipher;

    public TotpSecrets(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public void seal(AppUser user, String base32Secret) {
        user.totpSecret = cipher.encrypt(base32Secret, COLUMN);
    }

    public String reveal(AppUser user) {
        return cipher.decrypt(user.totpSecret, COLUMN);
    }
}
