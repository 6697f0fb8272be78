package cn.fapiao.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except public holidays, plus the weekend days
 * that are made working days to bridge a holiday (调休). Kept as data (table
 * {@code support_calendar_day}); without any, weekends only.
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    public static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The {@code days}-th working day after {@code from} (not counting {@code from} itself). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        // A calendar with no working day at all would never end: a year of holidays is a data error.
        for (int guard = 0; counted < days && guard < 3660; guard++) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
