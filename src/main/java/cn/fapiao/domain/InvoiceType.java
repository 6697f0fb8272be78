package cn.fapiao.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of invoice (发票种类), identified by its national two-digit type code, as used by
 * the verification platform and derived from legacy invoice codes.
 */
public enum InvoiceType {
    SPECIAL_VAT("01", "增值税专用发票", "VAT special invoice"),
    FREIGHT("02", "货物运输业增值税专用发票", "Freight transport VAT special invoice"),
    MOTOR_VEHICLE("03", "机动车销售统一发票", "Motor vehicle sales invoice"),
    ORDINARY("04", "增值税普通发票", "VAT ordinary invoice"),
    ELECTRONIC_SPECIAL("08", "增值税电子专用发票", "VAT electronic special invoice"),
    ELECTRONIC_ORDINARY("10", "增值税电子普通发票", "VAT electronic ordinary invoice"),
    ROLL("11", "增值税普通发票（卷式）", "VAT ordinary invoice (roll)"),
    TOLL_ROAD_ELECTRONIC("14", "增值税电子普通发票（通行费）", "VAT electronic ordinary invoice (toll road)"),
    USED_VEHICLE("15", "二手车销售统一发票", "Used vehicle sales invoice"),
    DIGITAL_SPECIAL("81", "电子发票（增值税专用发票）", "Fully digital invoice (VAT special)"),
    DIGITAL_ORDINARY("82", "电子发票（普通发票）", "Fully digital invoice (ordinary)"),
    UNKNOWN("99", "未知", "Unknown invoice type");

    private final String code;
    private final String chineseName;
    private final String description;

    InvoiceType(String code, String chineseName, String description) {
        this.code = code;
        this.chineseName = chineseName;
        this.description = description;
    }

    /** The national two-digit type code, e.g. {@code "01"}. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** English description. */
    public String description() {
        return description;
    }

    /** The type with this two-digit code; empty for null or unknown codes (so "99" finds UNKNOWN). */
    public static Optional<InvoiceType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String stripped = code.strip();
        return Arrays.stream(values()).filter(type -> type.code.equals(stripped)).findFirst();
    }

    /** True for the types whose verification needs the amount excluding tax instead of a check code. */
    public boolean isSpecial() {
        return this == SPECIAL_VAT || this == ELECTRONIC_SPECIAL || this == DIGITAL_SPECIAL;
    }

    /** True for fully digital invoices (数电票), which have a 20-digit number and no code. */
    public boolean isFullyDigital() {
        return this == DIGITAL_SPECIAL || this == DIGITAL_ORDINARY;
    }
}
