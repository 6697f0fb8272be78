package cn.fapiao.domain;

/**
 * Where an invoice is in its life cycle. LOST_CONTROL and ABNORMAL are set by the tax side
 * after issuance, which is why status changes are kept as a history.
 */
public enum InvoiceStatus {
    NORMAL("正常"),
    VOIDED("作废"),
    RED_PARTIAL("部分红冲"),
    RED_FULL("全额红冲"),
    /** The issuer lost control of its device or vanished; the buyer may not deduct the input tax. */
    LOST_CONTROL("失控"),
    /** Flagged by the tax bureau. */
    ABNORMAL("异常");

    private final String chineseLabel;

    InvoiceStatus(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
