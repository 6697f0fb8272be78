package cn.fapiao.diagnosis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the "why can't I find my invoice" diagnosis ({@code fapiao.diagnosis.*}). */
@ConfigMapping(prefix = "fapiao.diagnosis")
public interface DiagnosisConfig {

    /** The region whose invoices this system holds (four digits, e.g. 1100 Beijing). */
    @WithDefault("1100")
    String homeRegion();

    /** Most near matches returned. */
    @WithDefault("5")
    int maxNearMatches();
}
