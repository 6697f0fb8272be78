package cn.fapiao.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TicketLevelProposalTest {

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "TECHNICAL_PROBLEM | 系统崩溃，所有用户无法开票 | URGENT",
            "TECHNICAL_PROBLEM | System down for everyone since 9:00 | URGENT",
            "VERIFICATION_PROBLEM | 大量发票查验失败 | URGENT",
            "TECHNICAL_PROBLEM | The button is misaligned | NORMAL",
            "SUGGESTION | 系统崩溃 would be bad, add a backup | NORMAL",
            "POLICY_QUESTION | 小规模纳税人能否开具专票？ | COMPLEX",
            "MISSING_INVOICE | 发票查不到 | NORMAL",
            "OTHER | Needs a specialist of the tax bureau | COMPLEX"})
    void proposal(TicketCategory category, String text, TicketLevel expected) {
        assertEquals(expected, TicketLevelProposal.propose(category, text, ""));
    }
}
