package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1100, 1100", "1101, 1100", "1108, 1100", "3201, 3200", "3501, 3500", "4401, 4400",
            // the separately planned cities keep their own code
            "2102, 2102", "3302, 3302", "3502, 3502", "3702, 3702", "4403, 4403",
            // but their neighbours do not
            "2101, 2100", "3301, 3300", "4404, 4400",
            "9901, 9900",
    })
    void routesToProvinceUnlessPlannedCity(String raw, String routed) {
        assertEquals(routed, Regions.routingCode(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"110", "11000", "11a0"})
    void routingRejectsNonFourDigitCodes(String raw) {
        assertThrows(IllegalArgumentException.class, () -> Regions.routingCode(raw));
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource({
            "1101, 1100, Beijing,        北京",
            "1200, 1200, Tianjin,        天津",
            "1301, 1300, Hebei,          河北",
            "1401, 1400, Shanxi,         山西",
            "1501, 1500, Inner Mongolia, 内蒙古",
            "2102, 2102, Dalian,         大连",
            "2301, 2300, Heilongjiang,   黑龙江",
            "3101, 3100, Shanghai,       上海",
            "3302, 3302, Ningbo,         宁波",
            "3502, 3502, Xiamen,         厦门",
            "3702, 3702, Qingdao,        青岛",
            "4403, 4403, Shenzhen,       深圳",
            "5001, 5000, Chongqing,      重庆",
            "5401, 5400, Tibet,          西藏",
            "6101, 6100, Shaanxi,        陕西",
            "6501, 6500, Xinjiang,       新疆",
            "7100, 7100, Taiwan,         台湾",
            "8100, 8100, Hong Kong,      香港",
            "8200, 8200, Macau,          澳门",
    })
    void findsRoutedRegion(String raw, String code, String name, String chineseName) {
        assertEquals(Optional.of(new Region(code, name, chineseName)), Regions.find(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9900", "1000", "2400", "110", "11x0"})
    void findsNothingForUnknownOrMalformedCodes(String raw) {
        assertEquals(Optional.empty(), Regions.find(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"11, Beijing", "44, Guangdong", "65, Xinjiang", "82, Macau", "35, Fujian"})
    void findsProvinces(String twoDigits, String name) {
        assertEquals(name, Regions.province(twoDigits).orElseThrow().name());
        assertEquals(twoDigits + "00", Regions.province(twoDigits).orElseThrow().code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"99", "10", "1", "110", "4a"})
    void findsNoProvinceForUnknownCodes(String twoDigits) {
        assertEquals(Optional.empty(), Regions.province(twoDigits));
    }

    @Test
    void knowsAll34ProvincesAndFivePlannedCities() {
        assertEquals(39, Regions.all().size());
        assertEquals(34, Regions.all().stream().filter(r -> r.code().endsWith("00")).count());
    }
}
