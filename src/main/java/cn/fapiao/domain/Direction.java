package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

/** Whether an invoice is an ordinary (blue) one or a red one reversing a blue invoice with negative amounts. */
@Description("Blue (蓝字) for an ordinary invoice, red (红字) for one that reverses a blue invoice with negative amounts.")
public enum Direction {
    @Description("An ordinary invoice (蓝字发票), positive amounts.")
    BLUE("蓝字"),
    @Description("A reversing invoice (红字发票), negative amounts; it names its blue original.")
    RED("红字");

    private final String chineseLabel;

    Direction(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
