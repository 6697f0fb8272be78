package cn.fapiao.domain;

/** Which generation of taxpayer identification number (纳税人识别号) a value has the shape of. */
public enum TaxIdKind {
    /** 18-character Unified Social Credit Code with a check character. */
    USCC,
    /** Older 15, 17 or 20 character taxpayer ID, still seen on old invoices; has no checksum. */
    LEGACY,
    /** Not the shape of any taxpayer ID (missing or of another length). */
    INVALID
}
