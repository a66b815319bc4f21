package dev.tally.constructs.renewal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When the balance API's provisioned concurrency goes up and comes down, as UTC cron fields for Application Auto
 * Scaling scheduled actions.
 *
 * <p>The window runs from {@code startDay} of one month to {@code endDay} (inclusive) of the next (or of the same
 * month when {@code startDay <= endDay}). Capacity is added {@code leadHours} before 00:00 UTC of the start day and
 * released at 00:00 UTC of the day after {@code endDay}.
 *
 * <p><b>Short months.</b> A cron day-of-month that a month lacks never fires in it: "day 30" would skip February,
 * and the 1 March renewals would hit cold functions. So months are grouped by the day the window really opens in
 * them, {@code min(startDay, month length)} with February counted as 28 days (also in leap years: one extra day of
 * capacity every four years is cheaper than a second rule), and each group gets its own scale-up action restricted
 * to its months. With the defaults (30th, 2 hours' lead) that is two actions: 22:00 UTC on the 29th in every month
 * but February, and 22:00 UTC on 27 February. AWS cron's {@code L} (last day) is not used because it cannot be
 * combined with a lead time that crosses midnight.
 */
public final class RenewalWindowSchedule {

  /** February's length in a common year: the shortest month. */
  public static final int SHORTEST_MONTH_DAYS = 28;

  private static final int[] MONTH_DAYS = {31, SHORTEST_MONTH_DAYS, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** One recurring moment, as cron fields: minute 0 of {@code hour} on {@code day} of the listed months. */
  public record Moment(int day, int hour, String months) {

    /** The Application Auto Scaling expression, e.g. {@code cron(0 22 29 1,3,4,5,6,7,8,9,10,11,12 ? *)}. */
    public String cronExpression() {
      return "cron(0 " + hour + " " + day + " " + months + " ? *)";
    }
  }

  private final List<Moment> scaleUp;
  private final Moment scaleDown;

  private RenewalWindowSchedule(List<Moment> scaleUp, Moment scaleDown) {
    this.scaleUp = List.copyOf(scaleUp);
    this.scaleDown = scaleDown;
  }

  /**
   * The schedule for a window; the arguments are assumed valid ({@link RenewalPipelineProps} checks them).
   *
   * @param startDay day of month the window opens, 1-31
   * @param endDay last day of month inside the window, 1-27
   * @param leadHours hours before 00:00 UTC of the start day to add capacity, 0-72
   */
  public static RenewalWindowSchedule of(int startDay, int endDay, int leadHours) {
    Map<List<Integer>, List<Integer>> monthsByMoment = new LinkedHashMap<>();
    for (int month = 1; month <= 12; month++) {
      int openingDay = Math.min(startDay, MONTH_DAYS[month - 1]);
      int hoursIntoMonth = (openingDay - 1) * 24 - leadHours;
      List<Integer> moment = List.of(hoursIntoMonth / 24 + 1, hoursIntoMonth % 24);
      monthsByMoment.computeIfAbsent(moment, k -> new ArrayList<>()).add(month);
    }
    List<Moment> ups = new ArrayList<>();
    monthsByMoment.forEach((moment, months) -> ups.add(new Moment(moment.get(0), moment.get(1), monthField(months))));
    return new RenewalWindowSchedule(ups, new Moment(endDay + 1, 0, "*"));
  }

  /**
   * The months (1-12) in which a window that wraps into the next month ({@code startDay > endDay}) would be scaled up
   * at or before the monthly release at 00:00 UTC on {@code endDay + 1}: the release would then remove the capacity at
   * once and the whole window would run cold. Empty for a sound window (and always for a window within one month).
   */
  public static List<Integer> monthsReleasedAfterScaleUp(int startDay, int endDay, int leadHours) {
    List<Integer> cold = new ArrayList<>();
    if (startDay <= endDay) {
      return cold;
    }
    int releaseHoursIntoMonth = endDay * 24;
    for (int month = 1; month <= 12; month++) {
      int openingDay = Math.min(startDay, MONTH_DAYS[month - 1]);
      if ((openingDay - 1) * 24 - leadHours <= releaseHoursIntoMonth) {
        cold.add(month);
      }
    }
    return cold;
  }

  private static String monthField(List<Integer> months) {
    return months.size() == 12 ? "*" : months.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Scale-up moments: one per distinct opening day, each restricted to its months. */
  public List<Moment> scaleUp() {
    return scaleUp;
  }

  /** The scale-down moment: 00:00 UTC on the day after the window's last day, every month. */
  public Moment scaleDown() {
    return scaleDown;
  }
}
