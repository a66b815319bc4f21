package dev.tally.audit.scan.model;

/**
 * One UTC day of an EC2 instance's utilisation (only for days with CloudWatch datapoints).
 *
 * @param averageCpuPercent the day's average of {@code AWS/EC2 CPUUtilization} (statistic Average, period 86400 s),
 *                          in percent, 0..100
 * @param networkBytes      the day's {@code NetworkIn} + {@code NetworkOut} (statistic Sum, period 86400 s), in bytes;
 *                          0 when CPU had datapoints but network had none
 */
public record InstanceDay(double averageCpuPercent, double networkBytes) {
    public InstanceDay {
        if (averageCpuPercent < 0 || networkBytes < 0 || Double.isNaN(averageCpuPercent) || Double.isNaN(networkBytes)) {
            throw new IllegalArgumentException("utilisation cannot be negative or NaN: cpu=" + averageCpuPercent
                    + "% network=" + networkBytes + " bytes");
        }
    }
}
