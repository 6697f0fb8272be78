package cn.fapiao.verification;

import cn.fapiao.domain.InvoiceType;

/**
 * The one field besides number and date that the national platform asks for, by invoice type:
 * special invoices prove possession with the amount excluding tax, ordinary ones with the last
 * six digits of the check code, fully digital ones with the total including tax.
 */
public enum ExtraField {
    AMOUNT_EXCLUDING_TAX("amountExcludingTax"),
    CHECK_CODE_LAST6("checkCodeLast6"),
    TOTAL_INCLUDING_TAX("totalIncludingTax");

    private final String inputName;

    ExtraField(String inputName) {
        this.inputName = inputName;
    }

    public String inputName() {
        return inputName;
    }

    public static ExtraField requiredFor(InvoiceType type, boolean digital) {
        if (digital || type.isFullyDigital()) {
            return TOTAL_INCLUDING_TAX;
        }
        return switch (type) {
            case SPECIAL_VAT, ELECTRONIC_SPECIAL, MOTOR_VEHICLE -> AMOUNT_EXCLUDING_TAX;
            case ORDINARY, ELECTRONIC_ORDINARY, ROLL, TOLL_ROAD_ELECTRONIC -> CHECK_CODE_LAST6;
            default -> TOTAL_INCLUDING_TAX;
        };
    }
}
