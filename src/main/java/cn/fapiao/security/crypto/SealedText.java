package cn.fapiao.security.crypto;

/**
 * An encrypted column value as it was read, opened only when somebody reads it. Reads map every
 * invoice of a page, but most requests never select the encrypted party details: decrypting them
 * all anyway cost a sixth of a page's server CPU in the benchmark. Keeping the cipher text also keeps plaintext
 * out of the invoice cache. Nothing is remembered: each {@link #reveal()} decrypts again.
 */
public final class SealedText {

    private final FieldCipher cipher;
    private final String stored;
    private final String associatedData;

    private SealedText(FieldCipher cipher, String stored, String associatedData) {
        this.cipher = cipher;
        this.stored = stored;
        this.associatedData = associatedData;
    }

    /** The stored value of a column (its associated data), or null when the column is null. */
    public static SealedText of(FieldCipher cipher, String stored, String associatedData) {
        return stored == null ? null : new SealedText(cipher, stored, associatedData);
    }

    /**
     * The plaintext.
     *
     * @throws FieldCipher.DecryptionException when the value cannot be decrypted with the key ring
     */
    public String reveal() {
        return cipher.decrypt(stored, associatedData);
    }

    /** Never the plaintext, and not the cipher text either. */
    @Override
    public String toString() {
        return "SealedText[" + associatedData + "]";
    }
}
