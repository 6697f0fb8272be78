package cn.fapiao.domain;

import org.eclipse.microprofile.graphql.Description;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How VAT applies to an invoice line. Exempt and not-taxable lines both show a rate of 0 but
 * must be told apart from a taxable 0% line (e.g. exports), so this is separate from the rate.
 */
@Description("How VAT applies to a line. Exempt and not-taxable lines carry rate 0 but are not a taxable 0% line (e.g. exports).")
public enum TaxTreatment {
    @Description("Taxable (应税) at the line's rate, 0% included.")
    TAXABLE("应税"),
    @Description("Exempt (免税), e.g. farmers' own produce: rate 0, tax printed as `***`.")
    EXEMPT("免税"),
    @Description("Outside the scope of VAT (不征税), e.g. prepayments: rate 0, tax printed as `***`.")
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
