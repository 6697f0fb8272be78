import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * What compressing a GraphQL answer costs and saves, per encoding the server offers (br at Netty's
 * quality 4, as Vert.x compresses; gzip at levels 6, Vert.x's default, and 1), on answers shaped as
 * the bench's scenarios answer (invoiceByNumber with 3 lines; pages of 3 to 200 invoices): bytes
 * out and the best of 7 rounds of microseconds per answer. Decides fapiao.http.compress-from and
 * the order of quarkus.http.compressors (README, Transport; bench/RESULTS.md, Compression).
 * usage: java -cp 'quarkus-app/lib/main/*' CompressionCost.java   (brotli4j and its natives)
 */
public class CompressionCost {
    static String invoice(int i) {
        return "{\"id\":\"" + (1000 + i) + "\",\"number\":\"2611200000000000" + String.format("%04d", i) + "\",\"issueDate\":\"2026-11-" + String.format("%02d", 1 + i % 28)
            + "\",\"total\":\"" + (1000 + i * 37) + "." + String.format("%02d", i % 100) + "\",\"status\":\"NORMAL\",\"direction\":\"BLUE\",\"source\":\"ISSUED\","
            + "\"seller\":{\"taxId\":\"91110000802100433B\",\"name\":\"测试甲公司\"},\"buyer\":{\"taxId\":\"9111000010162374" + (i % 10) + "K\",\"name\":\"测试乙公司第" + i + "分公司\"}}";
    }
    static String page(int n) {
        StringBuilder b = new StringBuilder("{\"data\":{\"invoices\":{\"edges\":[");
        for (int i = 0; i < n; i++) { if (i > 0) b.append(','); b.append("{\"cursor\":\"aWQ6").append(1000 + i).append("\",\"node\":").append(invoice(i)).append('}'); }
        return b.append("],\"pageInfo\":{\"hasNextPage\":true,\"hasPreviousPage\":false},\"totalCount\":12345}}}").toString();
    }
    static String byNumber() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 3; i++) lines.append(i > 1 ? "," : "").append("{\"lineNo\":").append(i).append(",\"itemName\":\"*信息技术服务*软件开发服务第").append(i).append("期\",\"quantity\":1,\"unitPrice\":1000,\"amount\":\"1000.00\",\"taxRate\":0.06,\"tax\":\"60.00\",\"remainingAmount\":\"1000.00\"}");
        return "{\"data\":{\"invoiceByNumber\":{\"id\":\"1\",\"generation\":\"DIGITAL\",\"code\":null,\"number\":\"26112000000000000042\",\"type\":{\"code\":\"81\"},\"issueDate\":\"2026-11-30\","
            + "\"seller\":{\"taxId\":\"91110000802100433B\",\"name\":\"测试甲公司\",\"addressPhone\":\"北京市海淀区中关村大街1号 010-12345678\",\"bankAccount\":\"中国银行北京分行 1234567890\"},"
            + "\"buyer\":{\"taxId\":\"91110000101623741K\",\"name\":\"测试乙公司\",\"addressPhone\":null,\"bankAccount\":null},\"amount\":\"3000.00\",\"tax\":\"180.00\",\"total\":\"3180.00\","
            + "\"totalInWords\":\"叁仟壹佰捌拾元整\",\"status\":\"NORMAL\",\"direction\":\"BLUE\",\"originalInvoiceId\":null,\"redReason\":null,\"redConfirmationNumber\":null,\"remainingAmount\":\"3000.00\","
            + "\"source\":\"ISSUED\",\"usedAt\":null,\"lines\":[" + lines + "],\"statusHistory\":[]}}}";
    }
    static byte[] gzip(byte[] in, int level) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out) {{ def.setLevel(level); }}) { g.write(in); }
        return out.toByteArray();
    }
    static byte[] br(byte[] in, int quality) throws Exception {
        int window = 22;
        // As Netty does: a stream encoder that does not know the size in advance.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (com.aayushatharva.brotli4j.encoder.BrotliOutputStream o = new com.aayushatharva.brotli4j.encoder.BrotliOutputStream(out,
                new Encoder.Parameters().setQuality(quality).setWindow(window))) { o.write(in); }
        return out.toByteArray();
    }
    interface C { byte[] run(byte[] in) throws Exception; }
    static void measure(String label, byte[] in, C c) throws Exception {
        for (int i = 0; i < 2000; i++) c.run(in);
        int n = 20000 / Math.max(1, in.length / 1024 + 1);
        n = Math.max(n, 300);
        int size = 0; double us = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n / 4; i++) size = c.run(in).length;
            us = Math.min(us, (System.nanoTime() - t0) / 1000.0 / (n / 4));
        }
        System.out.printf("%-22s in=%7d out=%7d (%.2f) %8.1f us  %.1f bytes saved per us%n", label, in.length, size, size / (double) in.length, us, (in.length - size) / us);
    }
    public static void main(String[] a) throws Exception {
        Brotli4jLoader.ensureAvailability();
        for (String[] s : new String[][] {{"byNumber", byNumber()}, {"page of 3", page(3)}, {"page of 10", page(10)}, {"page of 50", page(50)}, {"page of 200", page(200)}}) {
            byte[] in = s[1].getBytes(StandardCharsets.UTF_8);
            measure(s[0] + " gzip6", in, x -> gzip(x, 6));
            measure(s[0] + " gzip1", in, x -> gzip(x, 1));
            measure(s[0] + " br4", in, x -> br(x, 4));
            measure(s[0] + " br1", in, x -> br(x, 1));
        }
    }
}
