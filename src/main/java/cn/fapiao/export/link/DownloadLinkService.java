package cn.fapiao.export.link;

import cn.fapiao.export.report.StatisticsExport;
import cn.fapiao.export.report.VatSummaryExport;
import cn.fapiao.report.ReportService;
import java.time.LocalDate;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.export.chart.TrendPeriod;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.invoicefile.InvoiceFiles;
import cn.fapiao.export.link.api.CreateDownloadLinkInput;
import cn.fapiao.export.link.api.DownloadKind;
import cn.fapiao.export.link.api.DownloadLink;
import cn.fapiao.export.register.RegisterExport;
import cn.fapiao.export.register.RegisterPeriod;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.security.Caller;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Hands out download links: checks the caller may read what the link names (its own
 * organisation's register, chart or reports; an invoice it sold or bought), checks the parameters the
 * kind needs, and signs a grant that names all of it and expires soon.
 */
@ApplicationScoped
public class DownloadLinkService {

    private final DownloadSigner signer;
    private final DownloadConfig config;
    private final InvoiceService invoices;
    private final OrganisationDirectory organisations;
    private final ReportService reports;

    public DownloadLinkService(DownloadSigner signer, DownloadConfig config, InvoiceService invoices, OrganisationDirectory organisations,
                               ReportService reports) {
        this.reports = reports;
        this.signer = signer;
        this.config = config;
        this.invoices = invoices;
        this.organisations = organisations;
    }

    /** @param baseUrl scheme and host the link starts with when {@code fapiao.downloads.public-base-url} is not set */
    public Uni<DownloadLink> create(Caller caller, CreateDownloadLinkInput input, String baseUrl) {
        caller.require(InvoiceService.READERS);
        if (!input.kind().formats().contains(input.format())) {
            throw ApiException.validation(List.of(new Problem("input.format", "UNSUPPORTED_FORMAT",
                    input.kind() + " comes as " + input.kind().formats() + ", not " + input.format() + ".")));
        }
        Instant expiresAt = signer.now().plus(config.linkTtl()).truncatedTo(ChronoUnit.SECONDS);
        long organisationId = caller.organisationId();
        return switch (input.kind()) {
            case INVOICE_REGISTER -> {
                RegisterPeriod period = RegisterPeriod.of(input.from(), input.to(), config.registerMaxDays(), "input");
                yield organisations.named(organisationId).map(org -> link(caller, input, expiresAt, null, baseUrl,
                        RegisterExport.fileName(org.uscc(), period, TableFormat.valueOf(input.format().name()))));
            }
            case MONTHLY_TREND -> {
                TrendPeriod period = TrendPeriod.of(input.from(), input.to(), config.chartMaxMonths(), "input");
                yield organisations.named(organisationId).map(org -> link(caller, input, expiresAt, null, baseUrl, period.fileName(org.uscc())));
            }
            case VAT_SUMMARY -> {
                caller.require(ReportService.REPORT_READERS);
                if (input.from() == null) {
                    throw ApiException.validation(List.of(new Problem("input.from", "REQUIRED", "A VAT_SUMMARY link needs `from`: a day of its month.")));
                }
                LocalDate month = input.from().withDayOfMonth(1);
                yield organisations.named(organisationId).map(org -> link(caller, input, expiresAt, null, baseUrl,
                        VatSummaryExport.fileName(org.uscc(), month, TableFormat.valueOf(input.format().name()))));
            }
            case INVOICE_STATISTICS -> {
                // Refused now as invoiceStatistics would refuse it, so that a link handed out downloads.
                reports.check(caller, input.statistics(), "input.statistics");
                yield organisations.named(organisationId).map(org -> link(caller, input, expiresAt, null, baseUrl,
                        StatisticsExport.fileName(org.uscc(), input.statistics(), TableFormat.valueOf(input.format().name()))));
            }
            case INVOICE -> {
                if (input.invoiceId() == null || input.invoiceId().isBlank()) {
                    throw ApiException.validation(List.of(new Problem("input.invoiceId", "REQUIRED", "An INVOICE link needs `invoiceId`.")));
                }
                yield invoices.byId(caller, input.invoiceId(), false)
                        .onFailure(ApiException.class).transform(e -> ((ApiException) e).code() == ErrorCode.INVOICE_NOT_FOUND
                                ? new ApiException(ErrorCode.INVOICE_NOT_FOUND, e.getMessage(), "input.invoiceId", List.of(), Map.of()) : e)
                        .map(found -> link(caller, input, expiresAt, Long.parseLong(found.view().id()), baseUrl,
                                InvoiceFiles.fileName(found.view().number(), input.format())));
            }
        };
    }

    private DownloadLink link(Caller caller, CreateDownloadLinkInput input, Instant expiresAt, Long invoiceId, String baseUrl, String fileName) {
        boolean period = input.kind() != DownloadKind.INVOICE && input.kind() != DownloadKind.INVOICE_STATISTICS;
        DownloadClaims claims = new DownloadClaims(caller.organisationId(), caller.userId(), input.kind(), input.format(),
                period ? input.from() : null, period ? input.to() : null,
                input.kind() == DownloadKind.INVOICE_REGISTER ? input.side() : null, invoiceId,
                input.kind() == DownloadKind.INVOICE_STATISTICS ? input.statistics() : null, expiresAt);
        String path = "/downloads/" + signer.sign(claims);
        String base = config.publicBaseUrl().map(url -> url.replaceAll("/+$", "")).orElse(baseUrl);
        return new DownloadLink(base + path, path, fileName, expiresAt.atOffset(ZoneOffset.UTC), input.kind(), input.format());
    }
}
