package cn.fapiao.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How VAT applies to an invoice line. Exempt and not-taxable lines both show a rate of 0 but
 * must be told apart from a taxable 0% line (e.g. exports), so this is separate from the rate.
 */
public enum TaxTreatment {
    TAXABLE("应税"),
    EXEMPT("免税"),
    NOT_TAXABLE("不征税");

    private final String chineseName;

    TaxTreatment(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The rate a line with this treatment must carry: 0 for exempt and not-taxable, empty (any allowed rate) for taxable. */
    public Optional<BigDecimal> fixedRate() {
        return this == TAXABLE ? Optional.empty() : Optional.of(BigDecimal.ZERO);
    }
}
