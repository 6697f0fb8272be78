package cn.fapiao.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regions invoices are routed to: the 34 provincial-level divisions of GB/T 2260 plus the
 * five separately planned cities, and the rule that maps any four-digit division prefix to one
 * of them. Invoices live in the system of the issuer's region, so this decides where to look.
 */
public final class Regions {

    /** These cities have their own tax bureau, so their invoices are not in the province's system. */
    private static final Set<String> PLANNED_CITIES = Set.of("2102", "3302", "3502", "3702", "4403");

    private static final Map<String, Region> BY_CODE = new LinkedHashMap<>();

    static {
        add("1100", "Beijing", "北京");
        add("1200", "Tianjin", "天津");
        add("1300", "Hebei", "河北");
        add("1400", "Shanxi", "山西");
        add("1500", "Inner Mongolia", "内蒙古");
        add("2100", "Liaoning", "辽宁");
        add("2200", "Jilin", "吉林");
        add("2300", "Heilongjiang", "黑龙江");
        add("3100", "Shanghai", "上海");
        add("3200", "Jiangsu", "江苏");
        add("3300", "Zhejiang", "浙江");
        add("3400", "Anhui", "安徽");
        add("3500", "Fujian", "福建");
        add("3600", "Jiangxi", "江西");
        add("3700", "Shandong", "山东");
        add("4100", "Henan", "河南");
        add("4200", "Hubei", "湖北");
        add("4300", "Hunan", "湖南");
        add("4400", "Guangdong", "广东");
        add("4500", "Guangxi", "广西");
        add("4600", "Hainan", "海南");
        add("5000", "Chongqing", "重庆");
        add("5100", "Sichuan", "四川");
        add("5200", "Guizhou", "贵州");
        add("5300", "Yunnan", "云南");
        add("5400", "Tibet", "西藏");
        add("6100", "Shaanxi", "陕西");
        add("6200", "Gansu", "甘肃");
        add("6300", "Qinghai", "青海");
        add("6400", "Ningxia", "宁夏");
        add("6500", "Xinjiang", "新疆");
        add("7100", "Taiwan", "台湾");
        add("8100", "Hong Kong", "香港");
        add("8200", "Macau", "澳门");
        add("2102", "Dalian", "大连");
        add("3302", "Ningbo", "宁波");
        add("3502", "Xiamen", "厦门");
        add("3702", "Qingdao", "青岛");
        add("4403", "Shenzhen", "深圳");
    }

    private Regions() {
    }

    private static void add(String code, String name, String chineseName) {
        BY_CODE.put(code, new Region(code, name, chineseName));
    }

    /**
     * The region code an invoice with this four-digit region prefix is routed to: a separately
     * planned city keeps its code, anything else becomes its province (first two digits + "00").
     *
     * @throws IllegalArgumentException if the argument is not four ASCII digits; callers
     *                                  validate user input before routing
     */
    public static String routingCode(String rawFourDigits) {
        if (rawFourDigits == null || rawFourDigits.length() != 4 || !DigitRule.isDigits(rawFourDigits)) {
            throw new IllegalArgumentException("region code must be four digits, got " + rawFourDigits);
        }
        return PLANNED_CITIES.contains(rawFourDigits) ? rawFourDigits : rawFourDigits.substring(0, 2) + "00";
    }

    /** The region a four-digit prefix is routed to; empty when it is not four digits or not a known region. */
    public static Optional<Region> find(String fourDigitCode) {
        if (fourDigitCode == null || fourDigitCode.length() != 4 || !DigitRule.isDigits(fourDigitCode)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(routingCode(fourDigitCode)));
    }

    /** The province-level region with this two-digit code, e.g. "11" → 1100 Beijing. */
    public static Optional<Region> province(String twoDigits) {
        if (twoDigits == null || twoDigits.length() != 2 || !DigitRule.isDigits(twoDigits)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(twoDigits + "00"));
    }

    /** Every known region: provinces first, then the separately planned cities. */
    public static List<Region> all() {
        return List.copyOf(BY_CODE.values());
    }
}
