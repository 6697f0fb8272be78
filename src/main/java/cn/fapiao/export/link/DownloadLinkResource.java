package cn.fapiao.export.link;

import cn.fapiao.export.link.api.CreateDownloadLinkInput;
import cn.fapiao.export.link.api.DownloadLink;
import cn.fapiao.security.CallerContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.net.URI;

/** Download links for the invoice register, reports, invoice files and charts. */
@GraphQLApi
public class DownloadLinkResource {

    private final DownloadLinkService links;
    private final CallerContext callers;
    private final CurrentVertxRequest request;

    public DownloadLinkResource(DownloadLinkService links, CallerContext callers, CurrentVertxRequest request) {
        this.links = links;
        this.callers = callers;
        this.request = request;
    }

    @Mutation("createDownloadLink")
    @Description("A short-lived link (5 minutes by default) to download one file of the caller's organisation: the invoice register of a period "
            + "as CSV or XLSX; its monthly VAT summary or invoice statistics as CSV or XLSX; an invoice it sold or bought as PDF or XML; the monthly trend as SVG. The link names the organisation; the kind; "
            + "its parameters and format; all signed: it downloads that file only; by itself without a token; so hand it only to the browser "
            + "that asked. Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN. Errors: VALIDATION_FAILED, INVOICE_NOT_FOUND, UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull DownloadLink> createDownloadLink(@Name("input") @NonNull CreateDownloadLinkInput input) {
        String baseUrl = baseUrl();
        return callers.current().chain(caller -> links.create(caller, input, baseUrl));
    }

    /** Scheme and host of this request (the client's, behind a proxy with forwarding enabled). */
    private String baseUrl() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return "";
        }
        URI uri = URI.create(context.request().absoluteURI());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
