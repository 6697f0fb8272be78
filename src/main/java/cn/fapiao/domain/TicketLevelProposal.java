package cn.fapiao.domain;

import java.util.List;
import java.util.Locale;

/**
 * The level the desk proposes for a new ticket, from its category and words that signal a system
 * outage or many users affected (Chinese and English). Agents can change it, with a reason.
 */
public final class TicketLevelProposal {

    private static final List<String> URGENT_WORDS = List.of(
            "系统崩溃", "无法登录", "全部失败", "大量", "所有用户", "宕机", "瘫痪", "打不开", "紧急",
            "system down", "outage", "all users", "everyone", "cannot log in", "can't log in", "urgent", "mass failure");
    private static final List<String> COMPLEX_WORDS = List.of("专家", "专项", "税务局", "specialist", "tax bureau", "legal");

    private TicketLevelProposal() {
    }

    public static TicketLevel propose(TicketCategory category, String subject, String description) {
        String text = ((subject == null ? "" : subject) + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
        if ((category == TicketCategory.TECHNICAL_PROBLEM || category == TicketCategory.VERIFICATION_PROBLEM)
                && URGENT_WORDS.stream().anyMatch(text::contains)) {
            return TicketLevel.URGENT;
        }
        if (category == TicketCategory.POLICY_QUESTION
                || COMPLEX_WORDS.stream().anyMatch(text::contains)) {
            return TicketLevel.COMPLEX;
        }
        return TicketLevel.NORMAL;
    }
}
