package dev.tally.audit.estimate.schedule;

import dev.tally.audit.estimate.resolve.Unresolvable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Application Auto Scaling / EventBridge {@code cron(minutes hours day-of-month month day-of-week year)} expression,
 * in UTC, enough to list when it fires in a year: numbers, lists, ranges, steps, {@code *} and {@code ?}, month and
 * weekday names. {@code L}, {@code W} and {@code #} are refused (an {@link Unresolvable}), not approximated.
 */
public final class CronSchedule {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> WEEKDAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private CronSchedule(String expression, String[] fields) {
        this.expression = expression;
        this.minutes = field(fields[0], 0, 59, Map.of());
        this.hours = field(fields[1], 0, 23, Map.of());
        this.anyDay = fields[2].equals("?") || fields[2].equals("*");
        this.days = field(fields[2], 1, 31, Map.of());
        this.months = field(fields[3], 1, 12, MONTHS);
        this.anyWeekday = fields[4].equals("?") || fields[4].equals("*");
        this.weekdays = field(fields[4], 1, 7, WEEKDAYS);
    }

    /**
     * Parses {@code cron(...)}; the year field must be {@code *} (a schedule bounded in years does not describe a
     * typical month).
     *
     * @throws Unresolvable when the expression is not a cron expression this reads
     */
    public static CronSchedule parse(String expression) {
        String text = expression.trim();
        if (!text.startsWith("cron(") || !text.endsWith(")")) {
            throw new Unresolvable("schedule '" + expression + "' is not a cron(...) expression (at() and rate() are "
                    + "not modelled)");
        }
        String[] fields = text.substring(5, text.length() - 1).trim().split("\\s+");
        if (fields.length != 6) {
            throw new Unresolvable("schedule '" + expression + "' needs 6 fields");
        }
        if (!fields[5].equals("*")) {
            throw new Unresolvable("schedule '" + expression + "' is bounded in years");
        }
        return new CronSchedule(expression, fields);
    }

    private BitSet field(String text, int min, int max, Map<String, Integer> names) {
        BitSet set = new BitSet(max + 1);
        if (text.equals("?") || text.equals("*")) {
            set.set(min, max + 1);
            return set;
        }
        for (String part : text.split(",")) {
            if (part.matches(".*[LW#].*")) {
                throw new Unresolvable("schedule '" + expression + "': '" + part + "' (L, W, #) is not modelled");
            }
            int step = 1;
            String range = part;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                range = part.substring(0, part.indexOf('/'));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), names);
                to = value(range.substring(range.indexOf('-') + 1), names);
            } else {
                from = value(range, names);
                to = part.contains("/") ? max : from;
            }
            if (from < min || to > max || from > to || step < 1) {
                throw new Unresolvable("schedule '" + expression + "': '" + part + "' is out of range " + min + "-" + max);
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private int value(String text, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Unresolvable("schedule '" + expression + "': '" + text + "' is not a number");
        }
    }

    /** Every moment it fires in {@code year}, in order. */
    public List<LocalDateTime> firings(int year) {
        List<LocalDateTime> out = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    out.add(day.atTime(h, m));
                }
            }
        }
        return out;
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = days.get(day.getDayOfMonth());
        int cronWeekday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
        boolean dow = weekdays.get(cronWeekday);
        if (anyDay && anyWeekday) {
            return true;
        }
        return anyWeekday ? dom : anyDay ? dow : dom && dow;
    }

    public String expression() {
        return expression;
    }
}
