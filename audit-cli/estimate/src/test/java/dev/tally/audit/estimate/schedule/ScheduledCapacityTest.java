package dev.tally.audit.estimate.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.audit.estimate.resolve.Unresolvable;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScheduledCapacityTest {

    @Test
    @DisplayName("the renewal window's three actions hold capacity 1,056 h a year: 88 h in an average month")
    void renewalWindow() {
        ScheduledCapacity capacity = ScheduledCapacity.simulate(0, List.of(
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 22 29 1,3,4,5,6,7,8,9,10,11,12 ? *)"), 1, null),
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 22 27 2 ? *)"), 1, null),
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 0 3 * ? *)"), 0, null)));
        // 7 x 98 h (31-day months) + 5 x 74 h (30-day months and February) = 1,056 h / 12 = 88 h.
        assertThat(capacity.capacityHoursPerMonth()).isEqualTo(88.0);
        assertThat(capacity.activeHoursPerMonth()).isEqualTo(88.0);
    }

    @Test
    @DisplayName("a window open across New Year is counted whole: the state the previous year left holds at 1 January")
    void acrossNewYear() {
        // Up at 00:00 on 31 Dec, down at 00:00 on 2 Jan: 24 h on 1 Jan (carried from 2026) + 24 h on 31 Dec 2027 = 48 h.
        ScheduledCapacity capacity = ScheduledCapacity.simulate(0, List.of(
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 0 31 12 ? *)"), 1, null),
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 0 2 1 ? *)"), 0, null)));
        assertThat(capacity.capacityHoursPerMonth() * 12).isEqualTo(48.0);
    }

    @Test
    @DisplayName("minutes inside an hour are time-weighted")
    void subHour() {
        // Up at 10:30, down at 11:00 every day: half an hour a day, 182.5 h a year.
        ScheduledCapacity capacity = ScheduledCapacity.simulate(0, List.of(
                new ScheduledCapacity.Action(CronSchedule.parse("cron(30 10 * * ? *)"), 2, null),
                new ScheduledCapacity.Action(CronSchedule.parse("cron(0 11 * * ? *)"), 0, null)));
        assertThat(capacity.capacityHoursPerMonth() * 12).isEqualTo(365.0);
    }

    @Test
    @DisplayName("weekday names, ranges and steps are read; L and W are refused, not approximated")
    void cronFields() {
        assertThat(CronSchedule.parse("cron(0 8 ? * MON-FRI *)").firings(2027)).hasSize(261)
                .first().isEqualTo(LocalDateTime.of(2027, 1, 1, 8, 0));
        assertThat(CronSchedule.parse("cron(0/15 * 1 JAN ? *)").firings(2027)).hasSize(96);
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 0 L * ? *)")).isInstanceOf(Unresolvable.class)
                .hasMessageContaining("'L' (L, W, #) is not modelled");
        assertThatThrownBy(() -> CronSchedule.parse("rate(5 minutes)")).isInstanceOf(Unresolvable.class)
                .hasMessageContaining("not a cron(...) expression");
    }
}
