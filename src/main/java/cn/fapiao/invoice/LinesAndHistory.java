package cn.fapiao.invoice;

import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.StatusChangeView;

import java.util.List;

/** An invoice's lines and status history, loaded together (one statement, one cache entry). */
public record LinesAndHistory(List<InvoiceLineView> lines, List<StatusChangeView> history) {

    static final LinesAndHistory NONE = new LinesAndHistory(List.of(), List.of());
}
