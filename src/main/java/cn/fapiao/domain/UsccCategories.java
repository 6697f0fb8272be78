package cn.fapiao.domain;

import java.util.Map;

/**
 * The registration authorities (position 1) and organisation types (position 2) of a Unified
 * Social Credit Code, from GB 32100-2015 appendix A, described in English.
 */
final class UsccCategories {

    private static final Map<Character, String> AUTHORITIES = Map.ofEntries(
            Map.entry('1', "Institutional organisation (机构编制)"),
            Map.entry('2', "Foreign affairs (外交)"),
            Map.entry('3', "Justice administration (司法行政)"),
            Map.entry('4', "Culture (文化)"),
            Map.entry('5', "Civil affairs (民政)"),
            Map.entry('6', "Tourism (旅游)"),
            Map.entry('7', "Religious affairs (宗教)"),
            Map.entry('8', "Trade unions (工会)"),
            Map.entry('9', "Market regulation (工商)"),
            Map.entry('A', "Central Military Commission staffing office (中央军委改革和编制办公室)"),
            Map.entry('N', "Agriculture (农业)"),
            Map.entry('Y', "Other (其他)"));

    /** Keyed by authority and type character, e.g. "91" for an enterprise. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("11", "Government agency (机关)"),
            Map.entry("12", "Public institution (事业单位)"),
            Map.entry("13", "Mass organisation (群众团体)"),
            Map.entry("19", "Other (其他)"),
            Map.entry("21", "Foreign news agency (外国常驻新闻机构)"),
            Map.entry("29", "Other (其他)"),
            Map.entry("31", "Law firm (律师执业机构)"),
            Map.entry("32", "Notary office (公证处)"),
            Map.entry("33", "Basic legal service office (基层法律服务所)"),
            Map.entry("34", "Forensic examination institution (司法鉴定机构)"),
            Map.entry("35", "Arbitration commission (仲裁委员会)"),
            Map.entry("39", "Other (其他)"),
            Map.entry("41", "Foreign cultural centre (外国在华文化中心)"),
            Map.entry("49", "Other (其他)"),
            Map.entry("51", "Social organisation (社会团体)"),
            Map.entry("52", "Private non-enterprise unit (民办非企业单位)"),
            Map.entry("53", "Foundation (基金会)"),
            Map.entry("59", "Other (其他)"),
            Map.entry("61", "Foreign tourism office (外国旅游部门常驻代表机构)"),
            Map.entry("62", "Hong Kong, Macau or Taiwan tourism office (港澳台地区旅游部门常驻内地（大陆）代表机构)"),
            Map.entry("69", "Other (其他)"),
            Map.entry("71", "Place of religious activity (宗教活动场所)"),
            Map.entry("72", "Religious school (宗教院校)"),
            Map.entry("79", "Other (其他)"),
            Map.entry("81", "Grassroots trade union (基层工会)"),
            Map.entry("89", "Other (其他)"),
            Map.entry("91", "Enterprise (企业)"),
            Map.entry("92", "Individual business (个体工商户)"),
            Map.entry("93", "Farmers' cooperative (农民专业合作社)"),
            Map.entry("A1", "Military public institution (军队事业单位)"),
            Map.entry("A9", "Other (其他)"),
            Map.entry("N1", "Group-level collective economic organisation (组级集体经济组织)"),
            Map.entry("N2", "Village-level collective economic organisation (村级集体经济组织)"),
            Map.entry("N3", "Township-level collective economic organisation (乡镇级集体经济组织)"),
            Map.entry("N9", "Other (其他)"),
            Map.entry("Y1", "Other (其他)"));

    private UsccCategories() {
    }

    /** Description of the registration authority, or null if the character is not in the standard. */
    static String authority(char position1) {
        return AUTHORITIES.get(position1);
    }

    /** Description of the organisation type, which depends on the authority; null if not in the standard. */
    static String organisationType(char position1, char position2) {
        return TYPES.get("" + position1 + position2);
    }
}
