package cn.fapiao.export.register;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.link.DownloadConfig;
import cn.fapiao.export.stream.QueryToTable;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Streams an organisation's invoice register of a period as CSV or XLSX. */
@ApplicationScoped
public class RegisterExport {

    private final Pool pool;
    private final OrganisationDirectory organisations;
    private final DownloadConfig config;
    /** Downloads streaming on this replica now (see DownloadConfig#maxConcurrentStreams). */
    private final AtomicInteger streaming = new AtomicInteger();

    public RegisterExport(Pool pool, OrganisationDirectory organisations, DownloadConfig config) {
        this.pool = pool;
        this.organisations = organisations;
        this.config = config;
    }

    /** The file name, also shown by createDownloadLink: 发票清单_<USCC>_<from>_<to>.<ext>. */
    public static String fileName(String uscc, RegisterPeriod period, TableFormat format) {
        return "发票清单_" + uscc + "_" + period.from() + "_" + period.to() + "." + format.extension();
    }

    /** Writes the register to {@code response}; the organisation comes from a verified link, so it is not checked again. */
    public Uni<Void> write(long organisationId, RegisterPeriod period, InvoiceFilter.Role side, TableFormat format, HttpServerResponse response) {
        if (streaming.incrementAndGet() > config.maxConcurrentStreams()) {
            streaming.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "Too many downloads are running: try again in a minute.");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                streaming.decrementAndGet();
            }
        };
        return organisations.named(organisationId)
                .invoke(organisation -> QueryToTable.run(pool.getDelegate(), RegisterQuery.statements(side),
                        Tuple.of(organisationId, period.from(), period.to()), response, format,
                        RegisterTable.table(organisation.name(), organisation.uscc(), period),
                        fileName(organisation.uscc(), period, format), new RegisterTable(), config.stalledStreamTimeout(), release))
                .onFailure().invoke(release)
                .replaceWithVoid();
    }
}
