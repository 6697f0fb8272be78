package cn.fapiao.export.register;

import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.InvoiceType;
import cn.fapiao.export.format.Column;
import cn.fapiao.export.format.ColumnType;
import cn.fapiao.export.format.Table;
import cn.fapiao.export.stream.TableRows;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.util.List;

/**
 * The register's columns and how each query row fills them. Amounts are added up for the totals
 * row as rows pass, leaving out voided invoices (a voided invoice keeps its number but drops out
 * of every total, domain.md §5); red invoices count negative.
 */
final class RegisterTable implements TableRows {

    static final List<Column> COLUMNS = List.of(
            Column.text("发票代码"), Column.text("发票号码"), Column.text("发票种类"), new Column("开票日期", ColumnType.DATE),
            Column.text("销项/进项"), Column.text("状态"), Column.text("红蓝字"), Column.text("销售方纳税人识别号"),
            Column.text("销售方名称"), Column.text("购买方纳税人识别号"), Column.text("购买方名称"), new Column("行号", ColumnType.INTEGER),
            Column.text("项目名称"), Column.text("规格型号"), Column.text("单位"), new Column("数量", ColumnType.DECIMAL),
            new Column("单价", ColumnType.DECIMAL), Column.amount("金额"), new Column("税率", ColumnType.RATE), Column.amount("税额"),
            Column.text("备注"));
    static final int AMOUNT = 17;
    static final int TAX = 19;
    static final String TOTALS_LABEL = "合计（不含作废发票）";

    private BigDecimal amount = BigDecimal.ZERO;
    private BigDecimal tax = BigDecimal.ZERO;

    static Table table(String organisationName, String uscc, RegisterPeriod period) {
        String title = "发票清单 " + organisationName + "（" + uscc + "） " + period.from() + " 至 " + period.to();
        return new Table(title, "发票清单 " + period.from() + "~" + period.to(), COLUMNS);
    }

    @Override
    public Object[] cells(Row row) {
        InvoiceStatus status = InvoiceStatus.valueOf(row.getString(5));
        BigDecimal lineAmount = row.getBigDecimal(17);
        BigDecimal lineTax = row.getBigDecimal(19);
        if (status != InvoiceStatus.VOIDED) {
            amount = amount.add(lineAmount);
            tax = tax.add(lineTax);
        }
        Short lineNo = row.getShort(11);
        return new Object[]{
                row.getString(0), row.getString(1), InvoiceType.fromCode(row.getString(2)).orElse(InvoiceType.UNKNOWN).chineseName(),
                row.getLocalDate(3), row.getBoolean(4) ? "销项" : "进项", status.chineseLabel(),
                Direction.valueOf(row.getString(6)).chineseLabel(), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), lineNo == null ? null : lineNo.intValue(), row.getString(12), row.getString(13), row.getString(14),
                strip(row.getBigDecimal(15)), strip(row.getBigDecimal(16)), lineAmount, strip(row.getBigDecimal(18)), lineTax,
                row.getString(20)};
    }

    @Override
    public Object[] totals() {
        Object[] cells = new Object[COLUMNS.size()];
        cells[0] = TOTALS_LABEL;
        cells[AMOUNT] = amount;
        cells[TAX] = tax;
        return cells;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
