package dev.tally.audit.common.aws;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the API calls in an {@link ApiCallLedger} cost, at AWS list prices (USD, us-east-1, no free tier applied):
 * CloudWatch {@code GetMetricData} $0.01 per 1,000 metrics requested and {@code GetMetricStatistics} $0.01 per 1,000
 * requests; Cost Explorer $0.01 per request; every other call the CLI makes (EC2, ELB, S3 and S3 Control reads,
 * Resource Groups Tagging, Organizations, STS, Pricing) is free.
 *
 * <p>The free tier (1 million CloudWatch API requests a month, which does not cover {@code GetMetricData}) is left out
 * on purpose: the figure is what a scan adds to a bill that has already used it.
 *
 * @param totalCalls        every call counted
 * @param metricsRequested  CloudWatch metrics requested (the {@code GetMetricData} billing unit)
 * @param costByService     USD per service (the SDK's service name, as in the ledger: {@code CloudWatch},
 *                          {@code CostExplorer}), only services with a non-zero cost
 * @param totalUsd          USD for all calls, 4 decimal places
 */
public record ApiCallCost(long totalCalls, long metricsRequested, Map<String, BigDecimal> costByService,
                          BigDecimal totalUsd) {

    static final BigDecimal PER_THOUSAND_METRICS = new BigDecimal("0.01");
    static final BigDecimal PER_THOUSAND_CLOUDWATCH_REQUESTS = new BigDecimal("0.01");
    static final BigDecimal PER_COST_EXPLORER_REQUEST = new BigDecimal("0.01");
    private static final BigDecimal THOUSAND = new BigDecimal(1000);
    /** The SDK's service names, as the ledger records them. */
    static final String CLOUDWATCH = "CloudWatch";
    static final String COST_EXPLORER = "CostExplorer";

    public ApiCallCost {
        costByService = Map.copyOf(costByService);
    }

    /** Prices everything the ledger has counted so far. */
    public static ApiCallCost of(ApiCallLedger ledger) {
        Map<ApiCallLedger.ApiCall, Long> calls = ledger.snapshot();
        long metrics = ledger.metricsRequested();
        Map<String, BigDecimal> byService = new TreeMap<>();
        long statisticsCalls = calls.getOrDefault(new ApiCallLedger.ApiCall(CLOUDWATCH, "GetMetricStatistics"), 0L);
        // GetMetricStatistics counts one "metric" in the ledger; price it per request, which comes to the same rate.
        long dataMetrics = metrics - statisticsCalls;
        BigDecimal cloudWatch = PER_THOUSAND_METRICS.multiply(BigDecimal.valueOf(dataMetrics))
                .add(PER_THOUSAND_CLOUDWATCH_REQUESTS.multiply(BigDecimal.valueOf(statisticsCalls)))
                .divide(THOUSAND, 6, RoundingMode.HALF_UP);
        if (cloudWatch.signum() > 0) {
            byService.put(CLOUDWATCH, cloudWatch);
        }
        long costExplorerCalls = calls.entrySet().stream()
                .filter(e -> e.getKey().service().equals(COST_EXPLORER))
                .mapToLong(Map.Entry::getValue).sum();
        if (costExplorerCalls > 0) {
            byService.put(COST_EXPLORER, PER_COST_EXPLORER_REQUEST.multiply(BigDecimal.valueOf(costExplorerCalls)));
        }
        BigDecimal total = byService.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(4, RoundingMode.HALF_UP);
        return new ApiCallCost(ledger.total(), metrics, byService, total);
    }
}
