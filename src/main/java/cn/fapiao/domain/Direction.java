package cn.fapiao.domain;

/** Whether an invoice is an ordinary (blue) one or a red one reversing a blue invoice with negative amounts. */
public enum Direction {
    BLUE("蓝字"),
    RED("红字");

    private final String chineseLabel;

    Direction(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String chineseLabel() {
        return chineseLabel;
    }
}
