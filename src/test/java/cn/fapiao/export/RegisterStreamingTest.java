package cn.fapiao.export;

import cn.fapiao.export.link.DownloadClaims;
import cn.fapiao.export.link.DownloadSigner;
import cn.fapiao.export.link.api.DownloadFormat;
import cn.fapiao.export.link.api.DownloadKind;
import cn.fapiao.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register streams: 120,000 lines of one organisation (org E, its own, in 2014) arrive while
 * PostgreSQL still reads them, add up to the plain SQL sum, and a client that hangs up stops the
 * query in PostgreSQL.
 */
@QuarkusTest
class RegisterStreamingTest {

    static final String ORG_E = "91110000MA01E0000X";
    static final int INVOICES = 60_000;
    static final int LINES = 2 * INVOICES;
    static boolean inserted;

    @Inject
    Pool pool;
    @Inject
    DownloadSigner signer;

    @BeforeEach
    void insertOnce() {
        synchronized (RegisterStreamingTest.class) {
            if (inserted) {
                return;
            }
            pool.query("insert into organisation (uscc, name, region_code) values ('" + ORG_E + "', '测试戊公司 (org E)', '1100') on conflict do nothing")
                    .execute().await().indefinitely();
            pool.query("insert into invoice (organisation_id, generation, invoice_number, type_code, issue_date, seller_org_id, seller_tax_id, "
                    + "seller_name, buyer_tax_id, buyer_name, amount, tax, total, status, remaining_amount, source) "
                    + "select e.id, 'DIGITAL', '2614777' || lpad(g::text, 13, '0'), '82', date '2014-01-01' + (g % 365), e.id, e.uscc, e.name, "
                    + "'91110000101623741K', '买方 ' || g, 100.00, 13.00, 113.00, 'NORMAL', 100.00, 'IMPORTED' "
                    + "from organisation e, generate_series(1, " + INVOICES + ") g where e.uscc = '" + ORG_E + "'").execute().await().indefinitely();
            pool.query("insert into invoice_line (invoice_id, line_no, item_name, amount, tax_rate, tax, remaining_amount) "
                    + "select i.id, n, '商品 ' || n, 50.00, 0.13, 6.50, 50.00 from invoice i cross join generate_series(1, 2) n "
                    + "where i.organisation_id = (select id from organisation where uscc = '" + ORG_E + "')").execute().await().indefinitely();
            pool.query("analyze invoice").execute().await().indefinitely();
            pool.query("analyze invoice_line").execute().await().indefinitely();
            inserted = true;
        }
    }

    @Test
    void aLargeRegisterArrivesAsItIsReadAndAddsUp() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + path()).toURL().openConnection();
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(connection.getInputStream())) {
            assertEquals(200, connection.getResponseCode());
            in.mark(8);
            assertTrue(in.read() >= 0);
            Duration firstByte = Duration.ofNanos(System.nanoTime() - start);
            // The first bytes come while the rest is still being read (a file written at the end would come after all of it).
            assertTrue(firstByte.compareTo(Duration.ofSeconds(3)) < 0, "first byte after " + firstByte);
            in.reset();
            in.skipNBytes(3); // the byte order mark
            long lines = 0;
            CSVRecord last = null;
            try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (CSVRecord record : parser) { // read as it comes: never the whole file in memory
                    if (last != null) {
                        lines++;
                    }
                    last = record;
                }
            }
            assertEquals(LINES, lines);
            Row sql = pool.preparedQuery("select sum(l.amount), sum(l.tax) from invoice i join invoice_line l on l.invoice_id = i.id "
                    + "where i.seller_org_id = (select id from organisation where uscc = $1) and i.status <> 'VOIDED'")
                    .execute(Tuple.of(ORG_E)).await().indefinitely().iterator().next();
            assertEquals(sql.getBigDecimal(0).setScale(2).toPlainString(), last.get("金额"));
            assertEquals(sql.getBigDecimal(1).setScale(2).toPlainString(), last.get("税额"));
        }
    }

    @Test
    void aClientThatHangsUpStopsTheQuery() throws Exception {
        try (Socket socket = hold(64 * 1024)) {
            // The client now reads no more: the server has paused, its query open in PostgreSQL.
            Eventually.within(Duration.ofSeconds(10), this::registerBackends, n -> n == 1, "the register's query to be open");
        }
        Eventually.within(Duration.ofSeconds(10), this::registerBackends, n -> n == 0, "the register's query to end after the client hung up");
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndGivesItsConnectionBack() throws Exception {
        try (Socket socket = hold(1024)) {
            Eventually.within(Duration.ofSeconds(10), this::registerBackends, n -> n == 1, "the register's query to be open");
            // Connected, reading nothing: after fapiao.downloads.stalled-stream-timeout (5 s in tests) the server lets go.
            Eventually.within(Duration.ofSeconds(20), this::registerBackends, n -> n == 0, "the stalled download to end its query");
        }
    }

    @Test
    void moreConcurrentDownloadsThanAllowedAreRefusedWithoutTouchingTheDatabase() throws Exception {
        // fapiao.downloads.max-concurrent-streams is 2 in tests: two clients hold their downloads open...
        try (Socket first = hold(1024); Socket second = hold(1024)) {
            // ...so a third is told to come back, and the database sees no third query.
            io.restassured.response.Response refused = RestAssured.given().urlEncodingEnabled(false).get(path());
            assertEquals(429, refused.statusCode(), refused::asString);
            assertEquals("RATE_LIMITED", refused.jsonPath().getString("error.code"));
            assertEquals(2, registerBackends());
        }
        Eventually.within(Duration.ofSeconds(10), this::registerBackends, n -> n == 0, "both downloads to end");
        // The slots are free again.
        HttpURLConnection again = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + path()).toURL().openConnection();
        assertEquals(200, again.getResponseCode());
        again.disconnect();
        Eventually.within(Duration.ofSeconds(10), this::registerBackends, n -> n == 0, "the last download to end");
    }

    /**
     * A client that asks for the register, reads {@code bytes} of it and then nothing more. Its small
     * receive window keeps what the network can buffer far below the file's size.
     */
    private Socket hold(int bytes) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(8192);
        socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
        socket.getOutputStream().write(("GET " + path() + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        assertEquals(bytes, socket.getInputStream().readNBytes(bytes).length);
        return socket;
    }

    /** Backends running the register's statement or holding its cursor open. */
    private long registerBackends() {
        return pool.query("select count(*) from pg_stat_activity where query like '/* invoice-register */%' and state <> 'idle' "
                + "and pid <> pg_backend_pid()").execute().await().indefinitely().iterator().next().getLong(0);
    }

    private String path() {
        long organisation = pool.preparedQuery("select id from organisation where uscc = $1").execute(Tuple.of(ORG_E)).await().indefinitely()
                .iterator().next().getLong(0);
        return "/downloads/" + signer.sign(new DownloadClaims(organisation, null, DownloadKind.INVOICE_REGISTER, DownloadFormat.CSV,
                LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31), null, null, null, Instant.now().plusSeconds(300)));
    }
}
