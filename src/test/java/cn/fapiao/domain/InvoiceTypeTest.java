package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceTypeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "01, SPECIAL_VAT,          增值税专用发票",
            "02, FREIGHT,              货物运输业增值税专用发票",
            "03, MOTOR_VEHICLE,        机动车销售统一发票",
            "04, ORDINARY,             增值税普通发票",
            "08, ELECTRONIC_SPECIAL,   增值税电子专用发票",
            "10, ELECTRONIC_ORDINARY,  增值税电子普通发票",
            "11, ROLL,                 增值税普通发票（卷式）",
            "14, TOLL_ROAD_ELECTRONIC, 增值税电子普通发票（通行费）",
            "15, USED_VEHICLE,         二手车销售统一发票",
            "81, DIGITAL_SPECIAL,      电子发票（增值税专用发票）",
            "82, DIGITAL_ORDINARY,     电子发票（普通发票）",
            "99, UNKNOWN,              未知",
    })
    void mapsCodesToTypes(String code, InvoiceType type, String chineseName) {
        assertEquals(Optional.of(type), InvoiceType.fromCode(code));
        assertEquals(code, type.code());
        assertEquals(chineseName, type.chineseName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "00", "05", "100", "ab"})
    void unknownCodesFindNothing(String code) {
        assertEquals(Optional.empty(), InvoiceType.fromCode(code));
    }

    @Test
    void everyTypeHasAnEnglishDescriptionAndAUniqueCode() {
        Arrays.stream(InvoiceType.values()).forEach(t -> assertEquals(false, t.description().isBlank()));
        assertEquals(InvoiceType.values().length,
                Arrays.stream(InvoiceType.values()).map(InvoiceType::code).distinct().count());
    }

    @ParameterizedTest
    @CsvSource({
            "SPECIAL_VAT, true, false", "ELECTRONIC_SPECIAL, true, false", "DIGITAL_SPECIAL, true, true",
            "DIGITAL_ORDINARY, false, true", "ORDINARY, false, false", "ELECTRONIC_ORDINARY, false, false",
    })
    void knowsSpecialAndFullyDigitalTypes(InvoiceType type, boolean special, boolean digital) {
        assertEquals(special, type.isSpecial());
        assertEquals(digital, type.isFullyDigital());
    }
}
