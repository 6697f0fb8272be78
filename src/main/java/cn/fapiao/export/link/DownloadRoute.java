package cn.fapiao.export.link;

import cn.fapiao.export.report.StatisticsExport;
import cn.fapiao.export.report.VatSummaryExport;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.export.chart.TrendExport;
import cn.fapiao.export.chart.TrendPeriod;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.invoicefile.InvoiceFiles;
import cn.fapiao.export.register.RegisterExport;
import cn.fapiao.export.register.RegisterPeriod;
import cn.fapiao.export.stream.DownloadResponse;
import cn.fapiao.security.Caller;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code GET /downloads/<token>}: the file a signed link names. The link alone authorises, like a
 * presigned S3 URL: a browser following it sends no bearer token. A token that is sent anyway must
 * be valid and of the link's organisation (FORBIDDEN otherwise, before anything is read). Refusals
 * are JSON {@code {"error": {"code", "message"}}} with the code's HTTP status (LINK_INVALID 404,
 * LINK_EXPIRED 410, UNAUTHENTICATED 401, FORBIDDEN 403, INVOICE_NOT_FOUND 404).
 */
@ApplicationScoped
public class DownloadRoute {

    private static final Logger LOG = Logger.getLogger(DownloadRoute.class);

    private final DownloadSigner signer;
    private final DownloadConfig config;
    private final CallerContext callers;
    private final RegisterExport registers;
    private final InvoiceFiles invoiceFiles;
    private final TrendExport trends;
    private final VatSummaryExport vatSummaries;
    private final StatisticsExport statistics;

    public DownloadRoute(DownloadSigner signer, DownloadConfig config, CallerContext callers, RegisterExport registers,
                         InvoiceFiles invoiceFiles, TrendExport trends, VatSummaryExport vatSummaries, StatisticsExport statistics) {
        this.statistics = statistics;
        this.vatSummaries = vatSummaries;
        this.signer = signer;
        this.config = config;
        this.callers = callers;
        this.registers = registers;
        this.invoiceFiles = invoiceFiles;
        this.trends = trends;
    }

    void routes(@Observes Router router) {
        router.get("/downloads/:token").handler(this::download);
    }

    private void download(RoutingContext context) {
        DownloadClaims claims;
        try {
            claims = signer.verify(context.pathParam("token"));
        } catch (ApiException e) {
            DownloadResponse.refuse(context.response(), e.code(), e.getMessage());
            return;
        }
        boolean bearer = context.request().getHeader("Authorization") != null;
        Uni<Caller> caller = bearer ? callers.of(context) : Uni.createFrom().item(Caller.ANONYMOUS);
        caller.chain(c -> {
                    if (bearer && !Long.valueOf(claims.organisationId()).equals(c.organisationId())) {
                        throw new ApiException(ErrorCode.FORBIDDEN, "This download link belongs to another organisation.");
                    }
                    return serve(claims, context);
                })
                .subscribe().with(ok -> { }, failure -> refuse(context, failure));
    }

    private Uni<Void> serve(DownloadClaims claims, RoutingContext context) {
        return switch (claims.kind()) {
            case INVOICE_REGISTER -> registers.write(claims.organisationId(),
                    RegisterPeriod.of(claims.from(), claims.to(), config.registerMaxDays(), "link"), claims.side(),
                    TableFormat.valueOf(claims.format().name()), context.response());
            case INVOICE -> invoiceFiles.write(claims.organisationId(), claims.invoiceId(), claims.format(), context.response());
            case VAT_SUMMARY -> vatSummaries.write(claims.organisationId(), claims.userId(), claims.from().withDayOfMonth(1),
                    TableFormat.valueOf(claims.format().name()), context.response());
            case INVOICE_STATISTICS -> statistics.write(claims.organisationId(), claims.userId(), claims.statistics(),
                    TableFormat.valueOf(claims.format().name()), context.response());
            case MONTHLY_TREND -> trends.write(claims.organisationId(),
                    TrendPeriod.of(claims.from(), claims.to(), config.chartMaxMonths(), "link"), context.response());
        };
    }

    private static void refuse(RoutingContext context, Throwable failure) {
        if (failure instanceof ApiException e) {
            DownloadResponse.refuse(context.response(), e.code(), e.getMessage());
        } else {
            LOG.error("Download failed", failure);
            DownloadResponse.refuse(context.response(), ErrorCode.INTERNAL_ERROR, "System error");
        }
    }
}
