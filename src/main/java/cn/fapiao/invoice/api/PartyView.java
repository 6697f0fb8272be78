package cn.fapiao.invoice.api;

import cn.fapiao.security.crypto.SealedText;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A party as read from an invoice row. The address and bank account stay encrypted until their
 * field is read: a page of invoices that shows names and tax IDs decrypts nothing, and a detail
 * that cannot be decrypted fails only its own field, not the whole invoice.
 */
@Name("Party")
@Description("Seller or buyer of an invoice.")
public final class PartyView {

    private final String taxId;
    private final String name;
    private final SealedText sealedAddressPhone;
    private final SealedText sealedBankAccount;

    public PartyView(String taxId, String name, SealedText addressPhone, SealedText bankAccount) {
        this.taxId = taxId;
        this.name = name;
        this.sealedAddressPhone = addressPhone;
        this.sealedBankAccount = bankAccount;
    }

    @Description("Taxpayer ID (USCC or legacy); may be absent for a private buyer.")
    public String getTaxId() {
        return taxId;
    }

    @NonNull
    @Description("Name (名称) as printed on the invoice.")
    public String getName() {
        return name;
    }

    @Description("Address and phone as printed (stored encrypted).")
    public String getAddressPhone() {
        return sealedAddressPhone == null ? null : sealedAddressPhone.reveal();
    }

    @Description("Bank and account as printed (stored encrypted).")
    public String getBankAccount() {
        return sealedBankAccount == null ? null : sealedBankAccount.reveal();
    }
}
