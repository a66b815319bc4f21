package dev.tally.audit.scan.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The numbers the checks compare against. Loaded from {@code policies/audit/thresholds.yaml}, then overridden by
 * flags; {@link #problems()} lists every invalid value so all are reported at once.
 *
 * @param idleRule                which idle definition {@code idle-ec2} applies (default trusted-advisor)
 * @param idleCpuPercent          trusted-advisor: a day is idle when its average CPU is at or below this, in percent
 *                                (default 10)
 * @param idleNetworkMb           trusted-advisor: ... and its network in+out is at or below this, in megabytes of
 *                                1,000,000 bytes (default 5)
 * @param idleDays                trusted-advisor: idle days needed within the window to flag (default 4)
 * @param idleWindowDays          trusted-advisor: the window, in whole UTC days ending yesterday (default 14)
 * @param longCpuPercent          cpu-90d: flagged when the average of daily CPU averages is below this, in percent
 *                                (default 15)
 * @param longWindowDays          cpu-90d: the window in days (default 90)
 * @param longMinDaysWithData     cpu-90d: days with datapoints needed before judging (default 14), so an instance
 *                                that ran two days of the 90 is not judged on them
 * @param lbMinRequestsPerDay     orphaned-lb: traffic is "none" on a day with fewer requests (ALB, Classic) or new
 *                                flows (NLB, GWLB) than this (default 100, Trusted Advisor's idle load balancer rule)
 * @param lbLowTrafficDays        orphaned-lb: flagged when every one of the last N days is under the request threshold
 *                                (default 7)
 */
public record Thresholds(
        IdleRule idleRule,
        double idleCpuPercent,
        double idleNetworkMb,
        int idleDays,
        int idleWindowDays,
        double longCpuPercent,
        int longWindowDays,
        int longMinDaysWithData,
        double lbMinRequestsPerDay,
        int lbLowTrafficDays) {

    /** The built-in defaults (the same values as the bundled {@code thresholds.yaml}). */
    public static final Thresholds DEFAULTS = new Thresholds(IdleRule.TRUSTED_ADVISOR, 10, 5, 4, 14, 15, 90, 14, 100, 7);

    public Thresholds {
        Objects.requireNonNull(idleRule, "idleRule");
    }

    /** One message per invalid value, naming the field as the YAML file does; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        percent(problems, "idle-ec2.trusted-advisor.cpu-percent", idleCpuPercent);
        nonNegative(problems, "idle-ec2.trusted-advisor.network-mb", idleNetworkMb);
        positive(problems, "idle-ec2.trusted-advisor.window-days", idleWindowDays);
        positive(problems, "idle-ec2.trusted-advisor.idle-days", idleDays);
        if (idleDays > idleWindowDays && idleWindowDays > 0) {
            problems.add("idle-ec2.trusted-advisor.idle-days (" + idleDays + ") cannot exceed window-days ("
                    + idleWindowDays + ")");
        }
        percent(problems, "idle-ec2.cpu-90d.cpu-percent", longCpuPercent);
        positive(problems, "idle-ec2.cpu-90d.window-days", longWindowDays);
        positive(problems, "idle-ec2.cpu-90d.min-days-with-data", longMinDaysWithData);
        if (longMinDaysWithData > longWindowDays && longWindowDays > 0) {
            problems.add("idle-ec2.cpu-90d.min-days-with-data (" + longMinDaysWithData + ") cannot exceed window-days ("
                    + longWindowDays + ")");
        }
        nonNegative(problems, "orphaned-lb.min-requests-per-day", lbMinRequestsPerDay);
        positive(problems, "orphaned-lb.low-traffic-days", lbLowTrafficDays);
        if (idleWindowDays > 455 || longWindowDays > 455 || lbLowTrafficDays > 455) {
            problems.add("window days cannot exceed 455 (CloudWatch keeps hourly data for 455 days)");
        }
        return problems;
    }

    /** The instance metric window the selected idle rule needs, in days. */
    public int idleMetricDays() {
        return idleRule == IdleRule.TRUSTED_ADVISOR ? idleWindowDays : longWindowDays;
    }

    private static void percent(List<String> problems, String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            problems.add(field + " must be a percentage between 0 and 100, was " + value);
        }
    }

    private static void nonNegative(List<String> problems, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(field + " must be zero or more, was " + value);
        }
    }

    private static void positive(List<String> problems, String field, int value) {
        if (value < 1) {
            problems.add(field + " must be at least 1, was " + value);
        }
    }
}
