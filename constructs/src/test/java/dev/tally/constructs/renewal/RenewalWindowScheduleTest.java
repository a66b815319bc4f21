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

  /**
   * Replays a year against the schedule: in every month, capacity must be up before the window's first day, and the
   * monthly release must not fall between the scale-up and the window's end (it would leave the window cold).
   */
  @ParameterizedTest(name = "start {0}, end {1}, lead {2} h: warm through the window in every month of {3}")
  @CsvSource({"30,2,2,2025", "30,2,2,2028", "31,1,0,2025", "29,2,24,2024", "28,2,0,2026", "1,3,0,2025",
      "15,20,0,2025", "25,5,72,2028"})
  void warmThroughEveryWindow(int startDay, int endDay, int leadHours, int year) {
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(startDay, endDay, leadHours)).isEmpty();
    RenewalWindowSchedule schedule = RenewalWindowSchedule.of(startDay, endDay, leadHours);
    for (int month = 1; month <= 12; month++) {
      YearMonth ym = YearMonth.of(year, month);
      LocalDateTime windowOpens = ym.atDay(Math.min(startDay, ym.lengthOfMonth())).atStartOfDay();
      LocalDateTime scaledUp = scaleUpIn(schedule.scaleUp(), ym);
      assertThat(scaledUp).as("%s", ym).isBeforeOrEqualTo(windowOpens.minusHours(leadHours));
      // ...and not absurdly early: at most a day plus the lead (February's 28th in leap years).
      assertThat(scaledUp).as("%s", ym).isAfterOrEqualTo(windowOpens.minusHours(leadHours + 24L));
      // The next release after the scale-up must come after the window's last day, not before it.
      YearMonth endMonth = startDay > endDay ? ym.plusMonths(1) : ym;
      LocalDateTime windowEnds = endMonth.atDay(endDay).plusDays(1).atStartOfDay();
      assertThat(nextRelease(schedule.scaleDown(), scaledUp)).as("%s", ym).isEqualTo(windowEnds);
    }
  }

  @Test
  @DisplayName("a wrapping window whose scale-up reaches the release moment is cold in exactly those months")
  void coldMonthsAreNamed() {
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(30, 27, 2)).containsExactly(2);
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(10, 8, 48)).hasSize(12);
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(10, 8, 24)).hasSize(12);
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(10, 8, 23)).isEmpty();
    assertThat(RenewalWindowSchedule.monthsReleasedAfterScaleUp(5, 20, 72)).isEmpty();
  }

  /** The first release strictly after {@code after}: the scale-down fires at its hour on its day of every month. */
  private static LocalDateTime nextRelease(Moment scaleDown, LocalDateTime after) {
    YearMonth ym = YearMonth.from(after);
    while (true) {
      LocalDateTime release = ym.atDay(scaleDown.day()).atTime(scaleDown.hour(), 0);
      if (release.isAfter(after)) {
        return release;
      }
      ym = ym.plusMonths(1);
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
