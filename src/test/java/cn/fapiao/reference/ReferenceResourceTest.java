package cn.fapiao.reference;

import cn.fapiao.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public input helpers, through real HTTP, without logging in. */
@QuarkusTest
class ReferenceResourceTest {

    @Test
    void decodesABeijingOrdinaryInvoiceCode() {
        JsonPath body = GraphQL.post("decodeInvoiceCode", "code", "011001800604");
        assertNull(body.get("errors"));
        assertEquals(true, body.get("data.decodeInvoiceCode.valid"));
        assertEquals("04", body.get("data.decodeInvoiceCode.type.code"));
        assertEquals("1100", body.get("data.decodeInvoiceCode.rawRegion"));
        assertEquals("1100", body.get("data.decodeInvoiceCode.region.code"));
        assertEquals("Beijing", body.get("data.decodeInvoiceCode.region.name"));
        assertEquals(2018, (int) body.get("data.decodeInvoiceCode.printYear"));
    }

    @Test
    void keepsShenzhenAsItsOwnRegion() {
        JsonPath body = GraphQL.post("decodeInvoiceCode", "code", "044031900111");
        assertEquals("4403", body.get("data.decodeInvoiceCode.region.code"));
        assertEquals("10", body.get("data.decodeInvoiceCode.type.code"));
    }

    @ParameterizedTest
    @CsvSource({
            "01100180060, INVALID_LENGTH",
            "0110018006AB, INVALID_CHARACTERS",
            "'', REQUIRED"
    })
    void aBadCodeIsAnAnswerNotAnError(String code, String problem) {
        JsonPath body = GraphQL.post("decodeInvoiceCode", "code", code);
        assertNull(body.get("errors"));
        assertEquals(false, body.get("data.decodeInvoiceCode.valid"));
        assertEquals(problem, body.get("data.decodeInvoiceCode.problems[0].code"));
        assertEquals("code", body.get("data.decodeInvoiceCode.problems[0].field"));
    }

    @Test
    void decodesADigitalNumber() {
        JsonPath body = GraphQL.post("decodeInvoiceNumber", "number", "24112000000135114086");
        assertEquals("DIGITAL", body.get("data.decodeInvoiceNumber.generation"));
        assertEquals(true, body.get("data.decodeInvoiceNumber.valid"));
        assertEquals(2024, (int) body.get("data.decodeInvoiceNumber.year"));
        assertEquals("1100", body.get("data.decodeInvoiceNumber.region.code"));
        assertEquals("2", body.get("data.decodeInvoiceNumber.channel"));
        assertEquals("000000135114086", body.get("data.decodeInvoiceNumber.sequence"));
    }

    @Test
    void recognisesLegacyNumbersAndRejectsOtherLengths() {
        JsonPath legacy = GraphQL.post("decodeInvoiceNumber", "number", "12345678");
        assertEquals("LEGACY", legacy.get("data.decodeInvoiceNumber.generation"));
        assertEquals(true, legacy.get("data.decodeInvoiceNumber.valid"));

        JsonPath zeros = GraphQL.post("decodeInvoiceNumber", "number", "00000000");
        assertEquals(false, zeros.get("data.decodeInvoiceNumber.valid"));
        assertEquals("ALL_ZEROS", zeros.get("data.decodeInvoiceNumber.problems[0].code"));

        JsonPath typo = GraphQL.post("decodeInvoiceNumber", "number", "2411200000013511408");
        assertEquals("UNKNOWN", typo.get("data.decodeInvoiceNumber.generation"));
        assertEquals(false, typo.get("data.decodeInvoiceNumber.valid"));
        assertEquals("INVALID_LENGTH", typo.get("data.decodeInvoiceNumber.problems[0].code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000802100433B", "91110000101623741K", "911101066976941872", "91350100M000100Y43",
            "91440300708461136T", "91110108000000027Y", "911101080000003850"})
    void acceptsValidUnifiedSocialCreditCodes(String uscc) {
        JsonPath body = GraphQL.post("validateTaxId", "taxId", uscc);
        assertEquals(true, body.get("data.validateTaxId.valid"), () -> body.prettify());
        assertEquals("USCC", body.get("data.validateTaxId.kind"));
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y4Z, 3", "91350211M0000XUF46, R"})
    void rejectsBadChecksumsAndSaysWhatTheCheckShouldBe(String uscc, String expected) {
        JsonPath body = GraphQL.post("validateTaxId", "taxId", uscc);
        assertEquals(false, body.get("data.validateTaxId.valid"));
        assertEquals(expected, body.get("data.validateTaxId.expectedCheckCharacter"));
        assertFalse(body.getList("data.validateTaxId.problems").isEmpty());
    }

    @Test
    void acceptsA15CharacterIdAsLegacy() {
        JsonPath body = GraphQL.post("validateTaxId", "taxId", "110108600055431");
        assertEquals(true, body.get("data.validateTaxId.valid"));
        assertEquals("LEGACY", body.get("data.validateTaxId.kind"));
    }

    @ParameterizedTest
    @CsvSource({"1409.50, 壹仟肆佰零玖元伍角", "6007.14, 陆仟零柒元壹角肆分", "10, 壹拾元整",
            "-1409.5, （负数）壹仟肆佰零玖元伍角"})
    void writesAmountsInCapitals(String amount, String words) {
        JsonPath body = GraphQL.post("amountInWords", "amount", amount);
        assertEquals(true, body.get("data.amountInWords.valid"));
        assertEquals(words, body.get("data.amountInWords.words"));
    }

    @Test
    void aMalformedAmountSaysWhy() {
        JsonPath body = GraphQL.post("amountInWords", "amount", "12.345");
        assertNull(body.get("errors"));
        assertEquals(false, body.get("data.amountInWords.valid"));
        assertEquals("amount", body.get("data.amountInWords.problems[0].field"));
        assertNull(body.get("data.amountInWords.words"));
    }

    @Test
    void twoRootFieldsInOneRequest() {
        JsonPath body = GraphQL.post("twoRootFields");
        assertNull(body.get("errors"));
        assertEquals("04", body.get("data.code.type.code"));
        assertTrue((Boolean) body.get("data.taxId.valid"));
    }
}
