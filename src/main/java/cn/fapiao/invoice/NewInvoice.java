package cn.fapiao.invoice;

import cn.fapiao.domain.Direction;
import cn.fapiao.domain.Generation;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.TaxTreatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice about to be inserted, as issuing, reversal and import build it; {@link InvoiceInserts}
 * turns it into the one column list of {@code invoice}. Party details are already sealed (cipher
 * text, see {@link InvoiceRows#seal}).
 *
 * @param number the 20- or 8-digit number; null when the statement takes the next number of a prefix
 */
record NewInvoice(Generation generation, String code, String number, String typeCode, LocalDate issueDate,
                  Party seller, Party buyer, BigDecimal amount, BigDecimal tax, BigDecimal total, String checkCode,
                  InvoiceStatus status, Direction direction, Long originalInvoiceId, Integer redReason, String redConfirmationNumber,
                  BigDecimal remainingAmount, BigDecimal remainingTax, InvoiceSource source, String sourceSystem, String remark,
                  long organisationId, String idempotencyKey, String requestHash, List<Line> lines) {

    /** A party as stored: its organisation when it is one of this system's (and the record is theirs to see). */
    record Party(Long organisationId, String taxId, String name, String sealedAddressPhone, String sealedBankAccount) {
    }

    /** A line as stored. Red lines point at the blue line they reverse. */
    record Line(int lineNo, String itemName, String specification, String unit, BigDecimal quantity, BigDecimal unitPrice,
                BigDecimal amount, BigDecimal rate, TaxTreatment treatment, BigDecimal tax,
                BigDecimal remainingAmount, BigDecimal remainingTax, Long originalLineId) {
    }
}
