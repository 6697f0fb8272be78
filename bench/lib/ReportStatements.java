import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.invoice.InvoiceFilterSql;
import cn.fapiao.report.api.StatisticsGrouping;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints, as a pgbench script, the very statements the server runs for a report of organisation 1
 * (read from the server's own classes, so that pgbench measures the same SQL): run with the jar's
 * classes on the class path, argument statisticsMonth | statisticsYear | vatSummary. The period is
 * drawn at random like the wrk scenarios draw it (bench/lua/graphql.lua). Statistics by status and
 * rate come from the running totals (StatisticsFromTotals, V57); statisticsMonthInvoices and
 * statisticsYearInvoices print the same report over the invoices and their lines (StatisticsQuery),
 * as the server ran it before V57 and still runs it for groupings the totals do not hold.
 * usage: java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' ReportStatements.java statisticsMonth
 */
public class ReportStatements {

    private static final String MONTH = "(date_trunc('month', current_date) - make_interval(months => :m))::date";
    private static final String NEXT_MONTH = "(date_trunc('month', current_date) - make_interval(months => :m - 1))::date";
    private static final String YEAR = "(extract(year from current_date)::int - :y)";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "statisticsMonth", "statisticsMonthInvoices" -> {
                System.out.println("\\set m random(1, 35)");
                System.out.println(statistics(args[0].endsWith("Invoices")).replace("$2", MONTH).replace("$3", "(" + NEXT_MONTH + " - 1)").replace("$1", "1") + ";");
            }
            case "statisticsYear", "statisticsYearInvoices" -> {
                System.out.println("\\set y random(1, 2)");
                System.out.println(statistics(args[0].endsWith("Invoices")).replace("$2", "make_date(" + YEAR + ", 1, 1)").replace("$3", "make_date(" + YEAR + ", 12, 31)")
                        .replace("$1", "1") + ";");
            }
            case "vatSummary" -> {
                System.out.println("\\set m random(1, 35)");
                System.out.println(constant("FLOWS").replace("$2", NEXT_MONTH).replace("$1", "1") + ";");
                for (String name : List.of("MONTH_DETAIL", "OUTPUT_BY_RATE")) {
                    System.out.println(constant(name).replace("$2", MONTH).replace("$3", NEXT_MONTH).replace("$1", "1") + ";");
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String statistics(boolean overInvoices) throws Exception {
        InvoiceFilterSql.Where where = InvoiceFilterSql.where(null, "input.filter", new ArrayList<>());
        ReportPeriod period = new ReportPeriod(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 31));
        List<StatisticsGrouping> groupBy = List.of(StatisticsGrouping.STATUS, StatisticsGrouping.TAX_RATE);
        Object statement;
        if (overInvoices) {
            Method of = Class.forName("cn.fapiao.report.StatisticsQuery").getDeclaredMethod("of", InvoiceFilterSql.Where.class, ReportPeriod.class, List.class);
            of.setAccessible(true);
            statement = of.invoke(null, where, period, groupBy);
        } else {
            Method of = Class.forName("cn.fapiao.report.StatisticsFromTotals").getDeclaredMethod("of",
                    cn.fapiao.invoice.api.InvoiceFilter.class, InvoiceFilterSql.Where.class, ReportPeriod.class, List.class);
            of.setAccessible(true);
            statement = of.invoke(null, null, where, period, groupBy);
        }
        Method sql = statement.getClass().getDeclaredMethod("sql");
        sql.setAccessible(true);
        return (String) sql.invoke(statement);
    }

    private static String constant(String name) throws Exception {
        Field field = Class.forName("cn.fapiao.report.VatSummaryQueries").getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }
}
