package cn.fapiao.invoice.api;

import cn.fapiao.domain.InvoiceStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetInvoiceTaxStatusInput")
@Description("A status the tax authority set: LOST_CONTROL (失控), ABNORMAL (异常), or back to NORMAL.")
public record SetInvoiceTaxStatusInput(@Id @NonNull String id, @NonNull InvoiceStatus status, @NonNull String reason) {
}
