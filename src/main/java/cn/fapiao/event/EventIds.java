package cn.fapiao.event;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;

/** The event ids clients see: an event's position in the outbox, as a decimal string. */
public final class EventIds {

    private EventIds() {
    }

    /** The {@code afterEventId} a subscriber resumes after: null for none, VALIDATION_FAILED for anything but an id this server sent. */
    public static Long parseAfter(String afterEventId) {
        if (afterEventId == null || afterEventId.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(afterEventId.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "afterEventId", "afterEventId must be an eventId this server sent (a whole number).");
        }
    }
}
