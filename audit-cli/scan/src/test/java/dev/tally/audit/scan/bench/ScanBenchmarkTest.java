package dev.tally.audit.scan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scan benchmark smoke test (a tiny synthetic account, no latency)")
class ScanBenchmarkTest {

    @Test
    @DisplayName("scans the synthetic account both ways and reports calls, metrics, cost and medians")
    void smoke() throws Exception {
        SyntheticAccount tiny = new SyntheticAccount("111122223333", 300, 6, 10,
                List.of("eu-west-1", "us-east-1"), 0);

        Map<String, Object> report = ScanBenchmark.run(tiny, 1, 4, 60_000);

        var batched = ((List<?>) report.get("batched")).get(0);
        var baseline = ((List<?>) report.get("baseline")).get(0);
        ScanBenchmark.Run fast = (ScanBenchmark.Run) batched;
        ScanBenchmark.Run slow = (ScanBenchmark.Run) baseline;
        // Per region: 150 instances x 3 metrics + 3 load balancers x 2 = 456 metrics, in 1 + 1 batched calls.
        assertThat(fast.metricsRequested()).isEqualTo(2 * 456);
        assertThat(slow.metricsRequested()).isEqualTo(fast.metricsRequested());
        assertThat(fast.callsByOperation()).containsEntry("CloudWatch:GetMetricData", 2L * 2);
        assertThat(slow.callsByOperation()).containsEntry("CloudWatch:GetMetricData", 2L * 456);
        assertThat(fast.callsByOperation()).containsEntry("Ec2:DescribeInstances", 2L);
        assertThat(fast.apiCostUsd()).isEqualTo(slow.apiCostUsd()).isEqualTo("0.0091");
        assertThat(fast.buckets()).isEqualTo(10);
        assertThat(report).containsKeys("batchedMedianMillis", "baselineMedianMillis", "baselineOverBatched");
    }
}
