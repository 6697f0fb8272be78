import cn.fapiao.security.crypto.FieldCipher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Encrypted party details for the bench data set, made with the server's own FieldCipher and the
 * bench's key, so that the server reads and decrypts them as it does in production:
 * java -cp '<quarkus-app>/app/*' SealPartyDetails.java <base64 key file> <organisations> <outside buyers>
 *
 * <p>Prints one tab-separated line per party: kind (org or outside), id, then the address and
 * bank account sealed for the seller columns and for the buyer columns (each cipher text is bound
 * to its column). bench/sql/load.sql copies these into every invoice of the party, so invoices
 * share cipher texts; decrypting costs the same.
 */
public class SealPartyDetails {
    public static void main(String[] args) throws Exception {
        FieldCipher cipher = FieldCipher.fromBase64(Map.of("k1", Files.readString(Path.of(args[0])).strip()), "k1");
        int organisations = Integer.parseInt(args[1]);
        int outside = Integer.parseInt(args[2]);
        StringBuilder out = new StringBuilder();
        for (int id = 1; id <= organisations; id++) {
            party(out, cipher, "org", id, "北京市海淀区中关村大街" + id + "号 010-6" + String.format("%07d", id),
                    "中国工商银行北京中关村支行 0200" + String.format("%015d", id));
        }
        for (int k = 0; k < outside; k++) {
            party(out, cipher, "outside", k, "深圳市南山区科技园路" + k + "号 0755-8" + String.format("%07d", k),
                    "招商银行深圳科技园支行 7559" + String.format("%012d", k));
        }
        System.out.print(out);
    }

    private static void party(StringBuilder out, FieldCipher cipher, String kind, int id, String addressPhone, String bankAccount) {
        out.append(kind).append('\t').append(id)
                .append('\t').append(cipher.encrypt(addressPhone, "invoice.seller_address_phone"))
                .append('\t').append(cipher.encrypt(bankAccount, "invoice.seller_bank_account"))
                .append('\t').append(cipher.encrypt(addressPhone, "invoice.buyer_address_phone"))
                .append('\t').append(cipher.encrypt(bankAccount, "invoice.buyer_bank_account"))
                .append('\n');
    }
}
