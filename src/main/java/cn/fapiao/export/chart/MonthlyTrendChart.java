package cn.fapiao.export.chart;

import cn.fapiao.export.format.ChineseFont;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly trend as an SVG a web page can embed: amount and tax of issued (销项) and received
 * (进项) invoices by month, drawn by JFreeChart into JFreeSVG. Text is drawn as outlines of the
 * bundled Chinese font, so the labels look the same in any browser, with or without Chinese fonts;
 * the title and the figures are also in the SVG's {@code <title>} and {@code <desc>} for screen
 * readers and search.
 */
public final class MonthlyTrendChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 480;
    static final String ISSUED_AMOUNT = "销项金额";
    static final String ISSUED_TAX = "销项税额";
    static final String RECEIVED_AMOUNT = "进项金额";
    static final String RECEIVED_TAX = "进项税额";

    private MonthlyTrendChart() {
    }

    public static String svg(String title, TrendPeriod period, List<MonthlyFigures.Figure> figures) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (YearMonth month : period.months()) { // every month on the axis, also those without invoices
            for (String series : List.of(ISSUED_AMOUNT, ISSUED_TAX, RECEIVED_AMOUNT, RECEIVED_TAX)) {
                data.addValue(BigDecimal.ZERO, series, month.toString());
            }
        }
        StringBuilder desc = new StringBuilder();
        for (MonthlyFigures.Figure f : figures) {
            data.setValue(f.amount(), f.issued() ? ISSUED_AMOUNT : RECEIVED_AMOUNT, f.month().toString());
            data.setValue(f.tax(), f.issued() ? ISSUED_TAX : RECEIVED_TAX, f.month().toString());
            desc.append(f.month()).append(' ').append(f.issued() ? "销项" : "进项").append(" 金额 ").append(f.amount().toPlainString())
                    .append(" 税额 ").append(f.tax().toPlainString()).append("; ");
        }
        StandardChartTheme theme = new StandardChartTheme("fapiao");
        theme.setExtraLargeFont(ChineseFont.awt(Font.BOLD, 20));
        theme.setLargeFont(ChineseFont.awt(Font.PLAIN, 14));
        theme.setRegularFont(ChineseFont.awt(Font.PLAIN, 12));
        theme.setSmallFont(ChineseFont.awt(Font.PLAIN, 10));
        JFreeChart chart = ChartFactory.createLineChart(title, "月份", "金额（元）", data, PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        Color[] colours = {new Color(0x1F77B4), new Color(0x1F77B4), new Color(0xD62728), new Color(0xD62728)};
        for (int s = 0; s < 4; s++) {
            renderer.setSeriesPaint(s, colours[s]);
            renderer.setSeriesShapesVisible(s, true);
            // Taxes dashed, amounts solid: issued blue, received red.
            renderer.setSeriesStroke(s, s % 2 == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        }
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        // The element without a DOCTYPE: browsers ignore it, and XML parsers would fetch its DTD from the web.
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement();
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        return svg.substring(0, open) + "<title>" + escape(title) + "</title><desc>" + escape(desc.toString().strip()) + "</desc>"
                + svg.substring(open);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
