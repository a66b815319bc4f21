package dev.tally.audit.scan.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A CloudWatch metric summarised per UTC calendar day over an inclusive window of whole days.
 *
 * <p>A day is present in {@link #days()} only when CloudWatch returned at least one datapoint for it. What an absent
 * day means is the check's decision, not the collector's: for an instance it is "no data" (stopped, not idle), for a
 * load balancer it is zero traffic (CloudWatch publishes no ELB datapoint for a period without traffic).
 *
 * @param firstDay the first UTC day asked for (inclusive)
 * @param lastDay  the last UTC day asked for (inclusive); the collector asks only for complete days, so this is at
 *                 latest yesterday (UTC)
 * @param days     the per-day values, keyed by UTC day, only for days with datapoints, each within the window
 * @param <T>      the per-day value ({@link InstanceDay} or {@link TrafficDay})
 */
public record DailySeries<T>(LocalDate firstDay, LocalDate lastDay, SortedMap<LocalDate, T> days) {
    public DailySeries {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
        for (LocalDate day : days.keySet()) {
            if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
                throw new IllegalArgumentException("day " + day + " is outside the window " + firstDay + ".." + lastDay);
            }
        }
    }

    /** The value for one day, or empty when CloudWatch had no datapoint that day. */
    public Optional<T> on(LocalDate day) {
        return Optional.ofNullable(days.get(day));
    }
}
