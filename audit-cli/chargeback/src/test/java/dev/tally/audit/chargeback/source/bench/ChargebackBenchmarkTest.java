package dev.tally.audit.chargeback.source.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Chargeback benchmark (smoke run, tiny sizes)")
class ChargebackBenchmarkTest {
    @TempDir
    Path out;

    @Test
    @DisplayName("writes chargeback.json with line items, medians, throughput and memory for every size")
    void smoke() throws Exception {
        Path json = new ChargebackBenchmark(List.of(5_000L, 20_000L), 1, out, "256MB").run();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("duckdbMemoryLimit").asText()).isEqualTo("256MB");
        assertThat(report.get("sizes")).hasSize(2);
        JsonNode large = report.get("sizes").get(1);
        assertThat(large.get("lineItems").asLong()).isEqualTo(20_000L);
        assertThat(large.get("aggregatedRows").asInt()).isPositive();
        assertThat(large.get("sourceLineItemsPerSecond").asLong()).isPositive();
        assertThat(large.get("endToEndLineItemsPerSecond").asLong()).isPositive();
        assertThat(large.get("heapPeakMiB").asLong()).isPositive();
        assertThat(large.get("endToEndRunsSeconds")).hasSize(1);
        assertThat(large.get("engine").asText()).isEqualTo("duckdb");
    }
}
