package cn.fapiao.domain;

import java.util.List;

/**
 * What a fully digital invoice number (数电票号码, 20 digits) says about its invoice.
 *
 * <p>When the number is missing or not 20 digits nothing is decoded and the decoded fields are
 * null. An unknown province makes it invalid but the other fields are still decoded.
 *
 * @param number       the number as decoded (surrounding whitespace stripped)
 * @param valid        true when {@code problems} is empty
 * @param problems     what is wrong, empty when valid
 * @param year         2000 + digits 1-2
 * @param provinceCode digits 3-4, the issuer's tax bureau province, e.g. "11"
 * @param region       that province, e.g. 1100 Beijing; null if unknown
 * @param channel      digit 5, the issuance channel
 * @param sequence     digits 6-20 (15 characters)
 */
public record DecodedDigitalNumber(
        String number,
        boolean valid,
        List<Problem> problems,
        Integer year,
        String provinceCode,
        Region region,
        String channel,
        String sequence) {

    public DecodedDigitalNumber {
        problems = List.copyOf(problems);
    }
}
