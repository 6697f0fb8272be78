package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // domain.md vectors
            "1409.50,        壹仟肆佰零玖元伍角",
            "6007.14,        陆仟零柒元壹角肆分",
            "10,             壹拾元整",
            "10020,          壹万零贰拾元整",
            "1200008,        壹佰贰拾万零捌元整",
            // red invoices
            "-1409.50,       （负数）壹仟肆佰零玖元伍角",
            "-0.05,          （负数）伍分",
            // 角 zero, 分 not
            "100.05,         壹佰元零伍分",
            "1.01,           壹元零壹分",
            // zero runs inside and across 万
            "101000,         壹拾万壹仟元整",
            "1000000,        壹佰万元整",
            "1001,           壹仟零壹元整",
            "1010,           壹仟零壹拾元整",
            "10001,          壹万零壹元整",
            "10500,          壹万零伍佰元整",
            "11000,          壹万壹仟元整",
            "100100,         壹拾万零壹佰元整",
            "15,             壹拾伍元整",
            "19.90,          壹拾玖元玖角",
            "110,            壹佰壹拾元整",
            "9999.99,        玖仟玖佰玖拾玖元玖角玖分",
            // 亿 range
            "100000000,      壹亿元整",
            "10000000000,    壹佰亿元整",
            "100010000,      壹亿零壹万元整",
            "100001000,      壹亿零壹仟元整",
            "100000001,      壹亿零壹元整",
            "12345678901.23, 壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分",
            "99999999999.99, 玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            // below one yuan: no leading 零元
            "0,              零元整",
            "0.00,           零元整",
            "0.50,           伍角",
            "0.05,           伍分",
            "0.55,           伍角伍分",
            // rounding to fen, half up
            "0.004,          零元整",
            "-0.004,         零元整",
            "0.005,          壹分",
            "1409.499,       壹仟肆佰零玖元伍角",
            "9.995,          壹拾元整",
    })
    void writesAmountsInCapitals(BigDecimal amount, String words) {
        assertEquals(words, ChineseAmount.inWords(amount));
    }

    @Test
    void refusesAbsurdlyLargeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> ChineseAmount.inWords(new BigDecimal("1E16")));
    }
}
