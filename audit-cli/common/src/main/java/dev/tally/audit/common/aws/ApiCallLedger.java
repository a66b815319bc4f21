package dev.tally.audit.common.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS API call the CLI makes, by service and operation, across all clients and threads. The scan reports
 * it (calls made, what they cost) and the least-privilege test compares it with the IAM policy.
 *
 * <p>Counted once per logical call, before retries, so the count is what the user is billed for. Besides calls it
 * counts the CloudWatch metrics requested (one per {@code MetricStat} query of a {@code GetMetricData} call, one per
 * {@code GetMetricStatistics} call), since CloudWatch bills per metric, not per call.
 */
public final class ApiCallLedger implements ExecutionInterceptor {
    private final Map<ApiCall, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder metricsRequested = new LongAdder();

    /**
     * One operation of one service, as the SDK names them: {@code Ec2} / {@code DescribeInstances},
     * {@code Sts} / {@code AssumeRole}, {@code ElasticLoadBalancingV2}, {@code S3Control}, {@code CloudWatch}.
     */
    public record ApiCall(String service, String operation) implements Comparable<ApiCall> {
        @Override
        public int compareTo(ApiCall other) {
            int byService = service.compareTo(other.service);
            return byService != 0 ? byService : operation.compareTo(other.operation);
        }

        @Override
        public String toString() {
            return service + ":" + operation;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(new ApiCall(service, operation), k -> new LongAdder()).increment();
        metricsRequested.add(billedMetrics(operation, context.request()));
    }

    /** Read through the SDK's generic field access so this module needs no CloudWatch dependency. */
    private static long billedMetrics(String operation, SdkRequest request) {
        if ("GetMetricStatistics".equals(operation)) {
            return 1;
        }
        if (!"GetMetricData".equals(operation)) {
            return 0;
        }
        Optional<List<?>> queries = request.getValueForField("MetricDataQueries", List.class).map(l -> (List<?>) l);
        return queries.orElse(List.of()).stream()
                .filter(q -> q instanceof SdkPojo pojo && pojo.sdkFields().stream()
                        .anyMatch(f -> "MetricStat".equals(f.memberName()) && f.getValueOrDefault(q) != null))
                .count();
    }

    /** CloudWatch metrics requested so far (what {@code GetMetricData} is billed by). */
    public long metricsRequested() {
        return metricsRequested.sum();
    }

    /** Calls made to one operation so far (0 if none). */
    public long calls(String service, String operation) {
        LongAdder n = counts.get(new ApiCall(service, operation));
        return n == null ? 0 : n.sum();
    }

    /** A sorted copy of the counts so far. */
    public Map<ApiCall, Long> snapshot() {
        Map<ApiCall, Long> copy = new TreeMap<>();
        counts.forEach((call, n) -> copy.put(call, n.sum()));
        return copy;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
