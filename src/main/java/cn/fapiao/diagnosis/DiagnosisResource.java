package cn.fapiao.diagnosis;

import cn.fapiao.diagnosis.api.DiagnoseInvoiceInput;
import cn.fapiao.diagnosis.api.Diagnosis;
import cn.fapiao.diagnosis.api.NearMatch;
import cn.fapiao.invoice.InvoiceDetails;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class DiagnosisResource {

    private final DiagnosisService diagnosis;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final RateLimiter rateLimiter;

    public DiagnosisResource(DiagnosisService diagnosis, InvoiceDetails details, CallerContext callers, RateLimiter rateLimiter) {
        this.diagnosis = diagnosis;
        this.details = details;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
    }

    @Query
    @Description("Explains why an invoice cannot be found: malformed fields, what the code or number says (type, region, year — and whether another region's system holds it), found-but-voided/reversed/lost-control/abnormal, near matches for typos (only invoices the caller may see), too new, too old; when nothing explains it, a prefilled feedback ticket. Any logged-in user.")
    public Uni<@NonNull Diagnosis> diagnoseInvoice(@Name("input") @Description("What the user read off the invoice; every field is optional, give what you have.") @NonNull DiagnoseInvoiceInput input) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("nearMatches/invoice/");
        return callers.current().chain(caller -> rateLimiter.chargeExpensive(caller.requireAuthenticated().userId(), address)
                .chain(() -> diagnosis.diagnose(caller, input)))
                .chain(found -> details.attach(found.nearMatches().stream().map(NearMatch::invoice).toList(), withDetails)
                        .map(found::withNearMatchInvoices));
    }
}
