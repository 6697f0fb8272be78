package cn.fapiao.domain;

import java.util.List;

/**
 * The outcome of validating a taxpayer ID, with what its characters say about the taxpayer.
 *
 * @param taxId                  the ID as validated: stripped and upper-cased
 * @param kind                   the shape it has, by length; an 18-character ID is {@link TaxIdKind#USCC} even when invalid
 * @param valid                  true when {@code problems} is empty
 * @param problems               what is wrong, empty when valid
 * @param registrationAuthority  USCC position 1, described (e.g. "Market regulation (industry and commerce)"); null if not a USCC or unknown
 * @param organisationType       USCC position 2, described (e.g. "Enterprise"); null if not a USCC or unknown
 * @param divisionCode           six-digit administrative division (USCC positions 3-8, first six of a legacy ID); null if not digits
 * @param region                 region the division routes to (350211 → 3502 Xiamen); null if unknown, e.g. 100000 for central registrations
 * @param expectedCheckCharacter the check character a USCC should end with, only when the checksum fails
 */
public record TaxIdValidation(
        String taxId,
        TaxIdKind kind,
        boolean valid,
        List<Problem> problems,
        String registrationAuthority,
        String organisationType,
        String divisionCode,
        Region region,
        Character expectedCheckCharacter) {

    public TaxIdValidation {
        problems = List.copyOf(problems);
    }
}
