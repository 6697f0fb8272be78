package cn.fapiao.reference;

import cn.fapiao.domain.ChineseAmount;
import cn.fapiao.domain.DecodedDigitalNumber;
import cn.fapiao.domain.DecodedInvoiceCode;
import cn.fapiao.domain.DigitalNumberDecoder;
import cn.fapiao.domain.InvoiceCodeDecoder;
import cn.fapiao.domain.InvoiceFormats;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.TaxIdValidation;
import cn.fapiao.domain.TaxIdValidator;
import cn.fapiao.reference.api.AmountInWordsInfo;
import cn.fapiao.reference.api.FieldProblem;
import cn.fapiao.reference.api.InvoiceCodeInfo;
import cn.fapiao.reference.api.InvoiceGeneration;
import cn.fapiao.reference.api.InvoiceNumberInfo;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import cn.fapiao.reference.api.RegionInfo;
import cn.fapiao.reference.api.TaxIdInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Read-only helpers over the pure invoice rules, open to everyone (no login) so that web and
 * mobile forms can check input as the user types. Bad input is never an error here: each
 * answer says whether the input is valid and what is wrong with it.
 */
@GraphQLApi
public class ReferenceResource {

    @Query
    @Description("Decodes a legacy invoice code (10 or 12 digits): type, region (and the region whose system holds the invoice) and print year. Public.")
    public @NonNull InvoiceCodeInfo decodeInvoiceCode(@Name("code") @Description("A legacy invoice code (发票代码): 10 or 12 digits. Other text is answered with its problems.") String code) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);
        return new InvoiceCodeInfo(decoded.code(), decoded.valid(), FieldProblem.of(decoded.problems()),
                InvoiceTypeInfo.of(decoded.type()), decoded.rawRegion(), RegionInfo.of(decoded.region()),
                decoded.year(), decoded.batch(), decoded.kind());
    }

    @Query
    @Description("Decodes an invoice number: a 20-digit fully digital number (year, issuing province, channel, sequence) or an 8-digit legacy number (which needs its code). Public.")
    public @NonNull InvoiceNumberInfo decodeInvoiceNumber(@Name("number") @Description("A digital invoice number (发票号码): 20 digits. Other text is answered with its problems.") String number) {
        String digits = number == null ? null : number.replaceAll("\\s", "");
        if (InvoiceFormats.isLegacyNumberShape(digits)) {
            List<Problem> problems = InvoiceFormats.checkLegacyNumber(digits);
            return new InvoiceNumberInfo(digits, InvoiceGeneration.LEGACY, problems.isEmpty(), FieldProblem.of(problems),
                    null, null, null, null);
        }
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(digits);
        boolean digitalShape = InvoiceFormats.isDigitalNumberShape(digits);
        return new InvoiceNumberInfo(decoded.number(), digitalShape ? InvoiceGeneration.DIGITAL : InvoiceGeneration.UNKNOWN,
                decoded.valid(), FieldProblem.of(decoded.problems()), decoded.year(), RegionInfo.of(decoded.region()),
                decoded.channel(), decoded.sequence());
    }

    @Query
    @Description("Checks a taxpayer ID: the Unified Social Credit Code checksum (GB 32100-2015), or an older 15/17/20-character ID accepted as legacy. Public.")
    public @NonNull TaxIdInfo validateTaxId(@Name("taxId") @Description("The taxpayer ID (纳税人识别号) to check, as typed; spaces are ignored.") String taxId) {
        TaxIdValidation v = TaxIdValidator.validate(taxId);
        return new TaxIdInfo(v.taxId(), v.kind(), v.valid(), FieldProblem.of(v.problems()), v.registrationAuthority(),
                v.organisationType(), v.divisionCode(), RegionInfo.of(v.region()),
                v.expectedCheckCharacter() == null ? null : v.expectedCheckCharacter().toString());
    }

    @Query
    @Description("Writes an amount in Chinese capitals (大写) as printed on invoices, e.g. `1409.50` → `壹仟肆佰零玖元伍角`; negative (red) amounts are prefixed `（负数）`. The amount is a decimal string with at most 11 integer digits and 2 decimals. Public.")
    public @NonNull AmountInWordsInfo amountInWords(@Name("amount") @Description("The amount as a person typed it, e.g. `1409.50` (a String on purpose: text that is not an amount is answered with its problems, not refused).") String amount) {
        String text = amount == null ? null : amount.strip();
        List<Problem> problems = InvoiceFormats.checkAmount(text);
        if (!problems.isEmpty()) {
            return new AmountInWordsInfo(text, false, FieldProblem.of(problems), null);
        }
        BigDecimal value = new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
        return new AmountInWordsInfo(value.toPlainString(), true, List.of(), ChineseAmount.inWords(value));
    }
}
