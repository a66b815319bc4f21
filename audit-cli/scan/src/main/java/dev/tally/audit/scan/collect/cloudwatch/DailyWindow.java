package dev.tally.audit.scan.collect.cloudwatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whole UTC days of metrics: the {@code GetMetricData} time range and period (86,400 s) that give one datapoint per
 * calendar day, and the mapping of datapoint timestamps back to days.
 *
 * @param firstDay the first UTC day (inclusive)
 * @param lastDay  the last UTC day (inclusive)
 */
public record DailyWindow(LocalDate firstDay, LocalDate lastDay) {
    /** One day in seconds: CloudWatch aggregates each day into one datapoint stamped at 00:00 UTC. */
    public static final int PERIOD_SECONDS = 86_400;

    public DailyWindow {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
    }

    public Instant start() {
        return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive: the start of the day after {@link #lastDay}. */
    public Instant end() {
        return lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Datapoints by UTC day, dropping any outside the window; two in one day (never with this period) are summed. */
    public SortedMap<LocalDate, Double> byDay(Map<Instant, Double> points) {
        SortedMap<LocalDate, Double> days = new TreeMap<>();
        points.forEach((timestamp, value) -> {
            LocalDate day = LocalDate.ofInstant(timestamp, ZoneOffset.UTC);
            if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                days.merge(day, value, Double::sum);
            }
        });
        return days;
    }
}
