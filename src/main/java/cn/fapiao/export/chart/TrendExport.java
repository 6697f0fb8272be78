package cn.fapiao.export.chart;

import cn.fapiao.export.stream.DownloadResponse;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/** The monthly trend chart of an organisation as an SVG download. */
@ApplicationScoped
public class TrendExport {

    private final MonthlyFigures figures;
    private final OrganisationDirectory organisations;

    public TrendExport(MonthlyFigures figures, OrganisationDirectory organisations) {
        this.figures = figures;
        this.organisations = organisations;
    }

    public Uni<Void> write(long organisationId, TrendPeriod period, HttpServerResponse response) {
        return organisations.named(organisationId).chain(org -> figures.of(organisationId, period)
                        .emitOn(Infrastructure.getDefaultWorkerPool()) // drawing takes tens of milliseconds: off the event loop
                        .map(rows -> MonthlyTrendChart.svg("月度趋势 " + org.name() + " " + period.first() + " 至 " + period.last(), period, rows))
                        .map(svg -> {
                            DownloadResponse.fileHeaders(response, "image/svg+xml; charset=UTF-8", period.fileName(org.uscc()))
                                    .end(Buffer.buffer(svg.getBytes(StandardCharsets.UTF_8)));
                            return null;
                        }))
                .replaceWithVoid();
    }
}
