package cn.fapiao.domain;

/** Which generation of invoice: identified by its 20-digit number alone, or by code + 8-digit number. */
public enum Generation {
    /** Fully digital (数电票): number alone, no code; can never be voided, only red-reversed. */
    DIGITAL,
    /** Paper and early e-invoices: invoice code + number. */
    LEGACY
}
