package dev.tally.audit.scan.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which definition of "idle" the {@code idle-ec2} check applies ({@code --idle-rule}). */
public enum IdleRule {
    /**
     * AWS Trusted Advisor's "Low Utilization Amazon EC2 Instances": daily average CPU at or below the CPU threshold
     * and daily network in+out at or below the network threshold on at least N of the last 14 days.
     */
    TRUSTED_ADVISOR("trusted-advisor"),
    /** Average CPU below the threshold over the last 90 days (a longer, CPU-only view for steady workloads). */
    CPU_90D("cpu-90d");

    private final String id;

    IdleRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static IdleRule parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown idle rule '" + text + "' (valid: "
                        + Arrays.stream(values()).map(IdleRule::id).collect(Collectors.joining(", ")) + ")"));
    }
}
