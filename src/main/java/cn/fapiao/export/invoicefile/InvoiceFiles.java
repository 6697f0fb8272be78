package cn.fapiao.export.invoicefile;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.export.link.api.DownloadFormat;
import cn.fapiao.export.stream.DownloadResponse;
import cn.fapiao.invoice.InvoiceQueries;
import cn.fapiao.invoice.StoredInvoice;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One invoice as a file (PDF or XML), for its seller's or buyer's organisation only: the
 * organisation is checked again when the file is made, so a link outlives no change of who the
 * invoice belongs to, and an invoice of another organisation answers as one that does not exist.
 */
@ApplicationScoped
public class InvoiceFiles {

    private final InvoiceQueries queries;

    public InvoiceFiles(InvoiceQueries queries) {
        this.queries = queries;
    }

    /** 发票_<number>.pdf / .xml */
    public static String fileName(String number, DownloadFormat format) {
        return "发票_" + number + "." + format.name().toLowerCase();
    }

    public Uni<Void> write(long organisationId, long invoiceId, DownloadFormat format, HttpServerResponse response) {
        return queries.byId(invoiceId, true)
                .map(found -> {
                    if (found == null || !(Long.valueOf(organisationId).equals(found.sellerOrganisationId())
                            || Long.valueOf(organisationId).equals(found.buyerOrganisationId()))) {
                        throw new ApiException(ErrorCode.INVOICE_NOT_FOUND, "No such invoice that your organisation issued or received.");
                    }
                    return found;
                })
                // Laying out a PDF (font subsetting) takes tens of milliseconds: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> render(found, format))
                .map(bytes -> {
                    DownloadResponse.fileHeaders(response, format == DownloadFormat.PDF ? "application/pdf" : "application/xml; charset=UTF-8",
                            fileName(bytes.number(), format)).end(Buffer.buffer(bytes.content()));
                    return null;
                })
                .replaceWithVoid();
    }

    private record Rendered(String number, byte[] content) {
    }

    private static Rendered render(StoredInvoice invoice, DownloadFormat format) {
        byte[] content = switch (format) {
            case PDF -> InvoicePdf.render(invoice.view());
            case XML -> InvoiceXml.render(invoice.view());
            default -> throw new IllegalArgumentException("Not an invoice file format: " + format);
        };
        return new Rendered(invoice.view().number(), content);
    }
}
