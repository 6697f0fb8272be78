package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/**
 * Where an invoice is in its life cycle. LOST_CONTROL and ABNORMAL are set by the tax side
 * after issuance, which is why status changes are kept as a history.
 */
@Description("Where an invoice is in its life cycle (发票状态). LOST_CONTROL and ABNORMAL are set by the tax side after issue.")
public enum InvoiceStatus {
    @Description("Normal (正常): valid and usable.")
    NORMAL("正常"),
    @Description("Voided (作废) by its issuer in the month of issue; not usable and not counted in reports.")
    VOIDED("作废"),
    @Description("Partly red-reversed (部分红冲): `remainingAmount` is what is left.")
    RED_PARTIAL("部分红冲"),
    @Description("Fully red-reversed (全额红冲): nothing is left to reverse.")
    RED_FULL("全额红冲"),
    /** The issuer lost control of its device or vanished; the buyer may not deduct the input tax. */
    @Description("Lost control (失控): the issuer lost control of its device or vanished; the buyer may not deduct its input tax.")
    LOST_CONTROL("失控"),
    /** Flagged by the tax bureau. */
    @Description("Abnormal (异常): flagged by the tax bureau; a deduction waits until the bureau clears it.")
    ABNORMAL("异常");

    private final String chineseLabel;

    InvoiceStatus(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
