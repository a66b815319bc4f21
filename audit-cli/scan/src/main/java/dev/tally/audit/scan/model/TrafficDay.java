package dev.tally.audit.scan.model;

/**
 * One UTC day of a load balancer's traffic (only for days with CloudWatch datapoints; a missing day means zero).
 *
 * @param requests       requests (ALB {@code AWS/ApplicationELB RequestCount}, Classic {@code AWS/ELB RequestCount})
 *                       or new flows (NLB {@code AWS/NetworkELB NewFlowCount}, GWLB {@code AWS/GatewayELB
 *                       NewFlowCount}), statistic Sum over the day: a count
 * @param processedBytes bytes processed (ALB/NLB/GWLB {@code ProcessedBytes}, Classic {@code EstimatedProcessedBytes}),
 *                       statistic Sum over the day, in bytes; 0 when not collected
 */
public record TrafficDay(double requests, double processedBytes) {
    public TrafficDay {
        if (requests < 0 || processedBytes < 0 || Double.isNaN(requests) || Double.isNaN(processedBytes)) {
            throw new IllegalArgumentException("traffic cannot be negative or NaN: requests=" + requests
                    + " bytes=" + processedBytes);
        }
    }
}
