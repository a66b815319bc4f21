package dev.tally.audit.estimate.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The floor a set of scheduled actions holds a scalable target at, hour by hour through a typical year: the actions'
 * firings are laid on a timeline and each one's minimum capacity holds until the next. The year simulated is 2027
 * (a common year, so February's 28 days count as in three years out of four), started from the state the last
 * firing of 2026 left, so a window spanning New Year is counted whole.
 */
public final class ScheduledCapacity {
    /** The year the average month is taken over. */
    public static final int YEAR = 2027;
    /** Hours in {@link #YEAR}. */
    public static final int HOURS = 8760;

    /**
     * One scheduled action.
     *
     * @param schedule    when it fires
     * @param minCapacity the floor it sets
     * @param maxCapacity the ceiling it sets (or null when it leaves it)
     */
    public record Action(CronSchedule schedule, int minCapacity, Integer maxCapacity) {
    }

    private final double[] floorByHour;

    private ScheduledCapacity(double[] floorByHour) {
        this.floorByHour = floorByHour;
    }

    /**
     * The hourly floor of {@link #YEAR}.
     *
     * @param initialMin the target's own {@code MinCapacity}, in force until the first firing
     * @param actions    its scheduled actions
     */
    public static ScheduledCapacity simulate(int initialMin, List<Action> actions) {
        record Firing(LocalDateTime at, int min) {
        }
        List<Firing> firings = new ArrayList<>();
        for (Action action : actions) {
            for (int year = YEAR - 1; year <= YEAR; year++) {
                action.schedule().firings(year).forEach(at -> firings.add(new Firing(at, action.minCapacity())));
            }
        }
        firings.sort(Comparator.comparing(Firing::at));
        LocalDateTime start = LocalDateTime.of(YEAR, 1, 1, 0, 0);
        double[] floor = new double[HOURS];
        int current = initialMin;
        int next = 0;
        // The state at the start of the year: the last firing before it.
        while (next < firings.size() && firings.get(next).at().isBefore(start)) {
            current = firings.get(next++).min();
        }
        for (int hour = 0; hour < HOURS; hour++) {
            LocalDateTime hourStart = start.plusHours(hour);
            LocalDateTime hourEnd = hourStart.plusHours(1);
            double weighted = 0;
            LocalDateTime cursor = hourStart;
            while (next < firings.size() && firings.get(next).at().isBefore(hourEnd)) {
                Firing firing = firings.get(next++);
                weighted += current * minutes(cursor, firing.at());
                cursor = firing.at();
                current = firing.min();
            }
            weighted += current * minutes(cursor, hourEnd);
            floor[hour] = weighted / 60.0;
        }
        return new ScheduledCapacity(floor);
    }

    /** A constant floor (no scheduled actions). */
    public static ScheduledCapacity constant(double capacity) {
        double[] floor = new double[HOURS];
        java.util.Arrays.fill(floor, capacity);
        return new ScheduledCapacity(floor);
    }

    private static double minutes(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMinutes();
    }

    /** The floor during hour {@code hour} of the year (time-weighted within the hour). */
    public double at(int hour) {
        return floorByHour[hour];
    }

    /** Capacity-hours in an average month: the year's total over 12. */
    public double capacityHoursPerMonth() {
        double total = 0;
        for (double f : floorByHour) {
            total += f;
        }
        return total / 12.0;
    }

    /** Hours per average month with any capacity above zero. */
    public double activeHoursPerMonth() {
        double hours = 0;
        for (double f : floorByHour) {
            hours += f > 0 ? 1 : 0;
        }
        return hours / 12.0;
    }
}
