package cn.fapiao.export.register;

import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.stream.QueryToTable;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Streams an organisation's invoice register of a period as CSV or XLSX. */
@ApplicationScoped
public class RegisterExport {

    private final Pool pool;
    private final OrganisationDirectory organisations;

    public RegisterExport(Pool pool, OrganisationDirectory organisations) {
        this.pool = pool;
        this.organisations = organisations;
    }

    /** The file name, also shown by createDownloadLink: 发票清单_<USCC>_<from>_<to>.<ext>. */
    public static String fileName(String uscc, RegisterPeriod period, TableFormat format) {
        return "发票清单_" + uscc + "_" + period.from() + "_" + period.to() + "." + format.extension();
    }

    /** Writes the register to {@code response}; the organisation comes from a verified link, so it is not checked again. */
    public Uni<Void> write(long organisationId, RegisterPeriod period, InvoiceFilter.Role side, TableFormat format, HttpServerResponse response) {
        return organisations.named(organisationId).invoke(organisation -> QueryToTable.run(pool.getDelegate(), RegisterQuery.sql(side),
                Tuple.of(organisationId, period.from(), period.to()), response, format,
                RegisterTable.table(organisation.name(), organisation.uscc(), period),
                fileName(organisation.uscc(), period, format), new RegisterTable())).replaceWithVoid();
    }
}
