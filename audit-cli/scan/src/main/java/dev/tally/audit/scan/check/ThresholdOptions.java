package dev.tally.audit.scan.check;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code tally scan} flags that override {@code thresholds.yaml}, as a picocli mixin. A flag left out keeps the
 * file's value; {@code --idle-cpu-percent} and {@code --idle-window-days} apply to whichever idle rule is selected.
 */
public final class ThresholdOptions {
    @Option(names = "--idle-rule", paramLabel = "RULE",
            description = "idle-ec2 rule: trusted-advisor (CPU and network on 4 of 14 days, default) or cpu-90d.")
    String idleRule;

    @Option(names = "--idle-cpu-percent", paramLabel = "PERCENT",
            description = "A day is idle at or below this average CPU (trusted-advisor; default 10). With cpu-90d: "
                    + "the 90-day average must be below it (default 15).")
    Double idleCpuPercent;

    @Option(names = "--idle-network-mb", paramLabel = "MB", description = "... and at or below this network in+out per day (default 5).")
    Double idleNetworkMb;

    @Option(names = "--idle-days", paramLabel = "DAYS", description = "Idle days needed within the window (default 4).")
    Integer idleDays;

    @Option(names = "--idle-window-days", paramLabel = "DAYS", description = "Window of the idle rule (default 14; cpu-90d: 90).")
    Integer idleWindowDays;

    @Option(names = "--lb-min-requests", paramLabel = "N",
            description = "orphaned-lb: a day with fewer requests (NLB/GWLB: new flows) counts as no traffic (default 100).")
    Double lbMinRequests;

    @Option(names = "--lb-days", paramLabel = "DAYS", description = "orphaned-lb: days that must all be under --lb-min-requests (default 7).")
    Integer lbDays;

    /**
     * The file's thresholds with the flags applied.
     *
     * @throws IllegalArgumentException one line naming every bad flag value
     */
    public Thresholds applyTo(Thresholds base) {
        IdleRule rule = base.idleRule();
        if (idleRule != null) {
            try {
                rule = IdleRule.parse(idleRule);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--idle-rule: " + e.getMessage(), e);
            }
        }
        boolean longRule = rule == IdleRule.CPU_90D;
        Thresholds merged = new Thresholds(rule,
                !longRule && idleCpuPercent != null ? idleCpuPercent : base.idleCpuPercent(),
                idleNetworkMb != null ? idleNetworkMb : base.idleNetworkMb(),
                idleDays != null ? idleDays : base.idleDays(),
                !longRule && idleWindowDays != null ? idleWindowDays : base.idleWindowDays(),
                longRule && idleCpuPercent != null ? idleCpuPercent : base.longCpuPercent(),
                longRule && idleWindowDays != null ? idleWindowDays : base.longWindowDays(),
                base.longMinDaysWithData(),
                lbMinRequests != null ? lbMinRequests : base.lbMinRequestsPerDay(),
                lbDays != null ? lbDays : base.lbLowTrafficDays());
        List<String> problems = merged.problems().stream().map(ThresholdOptions::flagName).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid threshold: " + String.join("; ", problems));
        }
        return merged;
    }

    /** Names a problem by the flag that sets the field, so the user knows what to change. */
    private static String flagName(String problem) {
        return problem
                .replace("idle-ec2.trusted-advisor.cpu-percent", "--idle-cpu-percent")
                .replace("idle-ec2.trusted-advisor.network-mb", "--idle-network-mb")
                .replace("idle-ec2.trusted-advisor.idle-days", "--idle-days")
                .replace("idle-ec2.trusted-advisor.window-days", "--idle-window-days")
                .replace("idle-ec2.cpu-90d.cpu-percent", "--idle-cpu-percent (cpu-90d)")
                .replace("idle-ec2.cpu-90d.window-days", "--idle-window-days (cpu-90d)")
                .replace("orphaned-lb.min-requests-per-day", "--lb-min-requests")
                .replace("orphaned-lb.low-traffic-days", "--lb-days");
    }
}
