package dev.tally.constructs.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.constructs.renewal.RenewalWindowSchedule.Moment;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RenewalWindowSchedule")
class RenewalWindowScheduleTest {

  @Test
  @DisplayName("default window (30th-2nd, 2 h lead): 22:00 on the 29th, 22:00 on 27 Feb, release 00:00 on the 3rd")
  void defaultWindow() {
    RenewalWindowSchedule schedule = RenewalWindowSchedule.of(30, 2, 2);
    assertThat(schedule.scaleUp()).containsExactly(
        new Moment(29, 22, "1,3,4,5,6,7,8,9,10,11,12"),
        new Moment(27, 22, "2"));
    assertThat(schedule.scaleDown()).isEqualTo(new Moment(3, 0, "*"));
    assertThat(schedule.scaleDown().cronExpression()).isEqualTo("cron(0 0 3 * ? *)");
  }

  @Test
  @DisplayName("a start day every month has needs a single every-month action")
  void startDayInEveryMonth() {
    assertThat(RenewalWindowSchedule.of(15, 20, 0).scaleUp()).containsExactly(new Moment(15, 0, "*"));
    assertThat(RenewalWindowSchedule.of(15, 20, 0).scaleUp().get(0).cronExpression())
        .isEqualTo("cron(0 0 15 * ? *)");
  }

  @Test
  @DisplayName("the 31st splits into 31-day months, 30-day months and February")
  void thirtyFirst() {
    assertThat(RenewalWindowSchedule.of(31, 1, 0).scaleUp()).containsExactly(
        new Moment(31, 0, "1,3,5,7,8,10,12"),
        new Moment(28, 0, "2"),
        new Moment(30, 0, "4,6,9,11"));
  }

  @Test
  @DisplayName("a lead of more than a day moves the day back as well as the hour")
  void multiDayLead() {
    assertThat(RenewalWindowSchedule.of(10, 12, 30).scaleUp()).containsExactly(new Moment(8, 18, "*"));
  }

  /** Replays a year against the schedule: in every month, capacity must be up before the window's first day. */
  @ParameterizedTest(name = "start {0}, lead {1} h: warm before the window opens in every month of {2}")
  @CsvSource({"30,2,2025", "30,2,2028", "31,0,2025", "29,24,2024", "28,0,2026", "1,0,2025"})
  void warmBeforeEveryWindow(int startDay, int leadHours, int year) {
    RenewalWindowSchedule schedule = RenewalWindowSchedule.of(startDay, 27, leadHours);
    for (int month = 1; month <= 12; month++) {
      YearMonth ym = YearMonth.of(year, month);
      LocalDateTime windowOpens = ym.atDay(Math.min(startDay, ym.lengthOfMonth())).atStartOfDay();
      LocalDateTime scaledUp = scaleUpIn(schedule.scaleUp(), ym);
      assertThat(scaledUp).as("%s", ym).isBeforeOrEqualTo(windowOpens.minusHours(leadHours));
      // ...and not absurdly early: at most a day plus the lead (February's 28th in leap years).
      assertThat(scaledUp).as("%s", ym).isAfterOrEqualTo(windowOpens.minusHours(leadHours + 24L));
    }
  }

  private static LocalDateTime scaleUpIn(List<Moment> moments, YearMonth ym) {
    return moments.stream()
        .filter(m -> m.months().equals("*") || List.of(m.months().split(",")).contains(
            String.valueOf(ym.getMonthValue())))
        .map(m -> ym.atDay(m.day()).atTime(m.hour(), 0))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no scale-up action fires in " + ym));
  }
}
