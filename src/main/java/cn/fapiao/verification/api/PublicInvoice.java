package cn.fapiao.verification.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Description("The public face of a verified invoice, as the national platform shows it: no addresses, phones or bank accounts.")
public record PublicInvoice(
        @NonNull InvoiceTypeInfo type,
        String code,
        @NonNull String number,
        @NonNull LocalDate issueDate,
        @NonNull PublicParty seller,
        @NonNull PublicParty buyer,
        @NonNull Money amount,
        @NonNull Money tax,
        @NonNull Money total,
        @NonNull InvoiceStatus status,
        @NonNull Direction direction) {
}
