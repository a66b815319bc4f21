package dev.tally.audit.estimate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Estimate benchmark smoke test (counts, not times)")
class EstimateBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("two units: 50 resources in two stages, every costly path priced, the stream unpriced")
    void smoke() throws Exception {
        Map<String, Object> report = EstimateBenchmark.run(50, 1, dir);
        assertThat(report.get("resources")).isEqualTo(50);
        JsonNode counts = (JsonNode) report.get("counts");
        // Per unit: 3 functions, 3 log groups, 3 alarms, table, queue, bucket, service, key, dashboard = 15
        // priced; 3 roles, 3 aliases, 2 scalable targets, the task definition = 9 free; the Kinesis stream unpriced.
        assertThat(counts.path("priced").asInt()).isEqualTo(2 * 15);
        assertThat(counts.path("free").asInt()).isEqualTo(2 * 9);
        assertThat(counts.path("unpriced").asInt()).isEqualTo(2);
        assertThat(counts.path("unresolved").asInt()).isZero();
        assertThat(report).containsKeys("coldRunMillis", "warmMedianMillis", "goalMet");
    }
}
