package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** Which generation of taxpayer identification number (纳税人识别号) a value has the shape of. */
@Description("Which generation of taxpayer ID (纳税人识别号) a value has the shape of.")
public enum TaxIdKind {
    /** 18-character Unified Social Credit Code with a check character. */
    @Description("An 18-character Unified Social Credit Code (统一社会信用代码) with a check character.")
    USCC,
    /** Older 15, 17 or 20 character taxpayer ID, still seen on old invoices; has no checksum. */
    @Description("An older 15, 17 or 20 character taxpayer ID, still seen on old invoices; it has no check character.")
    LEGACY,
    /** Not the shape of any taxpayer ID (missing or of another length). */
    @Description("Not the shape of any taxpayer ID (missing, or of another length or alphabet).")
    INVALID
}
