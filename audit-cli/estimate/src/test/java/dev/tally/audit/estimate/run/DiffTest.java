package dev.tally.audit.estimate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --base}: the app's synthesis against the same synthesis with the production worker's memory doubled (what
 * {@code workerMemorySize(2048)} writes: the function's {@code MemorySize}; the version's logical id, which hashes the
 * configuration, changes too, and versions cost nothing).
 */
class DiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path temp;
    static Path changed;

    @BeforeAll
    static void doubleTheWorkersMemory() throws IOException {
        changed = temp.resolve("cdk.out");
        try (Stream<Path> files = Files.walk(AppAssemblyTest.APP)) {
            for (Path file : files.toList()) {
                Path target = changed.resolve(AppAssemblyTest.APP.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path template = changed.resolve("assembly-Production/ProductionRenewal99BC49A6.template.json");
        ObjectNode root = (ObjectNode) JSON.readTree(template.toFile());
        ((ObjectNode) root.path("Resources").path("PipelineWorker433D3C52").path("Properties")).put("MemorySize", 2048);
        JSON.writeValue(template.toFile(), root);
    }

    static EstimateRun.Result diff(String format, String failAbove) {
        return EstimateRun.run(EstimateRequest.of(changed, "renewal", AppAssemblyTest.APP, failAbove, List.of(), null,
                "us-east-1", null, Path.of("no-such-refreshed-table.json"), format));
    }

    @Test
    @DisplayName("exactly the worker's delta, with the property that changed it")
    void onlyTheWorker() throws Exception {
        JsonNode diff = JSON.readTree(diff("json", null).report());
        // Worker: 52,500 x 0.4 s x 1 GB more = 21,000 GB-s x $0.0000133334 = $0.28 more a month.
        assertThat(diff.path("resources")).hasSize(1);
        JsonNode worker = diff.path("resources").get(0);
        assertThat(worker.path("logicalId").asText()).isEqualTo("PipelineWorker433D3C52");
        assertThat(worker.path("stack").asText()).isEqualTo("Production/Renewal");
        assertThat(worker.path("change").asText()).isEqualTo("changed");
        assertThat(worker.path("deltaMonthlyUsd").decimalValue()).isEqualByComparingTo("0.28");
        assertThat(worker.path("changedProperties").get(0).asText()).isEqualTo("MemorySize: 1024 -> 2048");
        assertThat(diff.path("deltaMonthlyUsd").decimalValue()).isEqualByComparingTo("0.28");
        assertThat(diff.path("gatePassed").asBoolean()).isTrue();
        for (JsonNode stack : diff.path("stacks")) {
            assertThat(stack.path("deltaMonthlyUsd").decimalValue())
                    .isEqualByComparingTo(stack.path("path").asText().equals("Production/Renewal") ? "0.28" : "0");
        }
    }

    @Test
    @DisplayName("the pull-request comment: headline delta, the worker's row with its reason, the price table's date")
    void markdownComment() {
        String comment = diff("markdown", null).report();
        assertThat(comment).startsWith("<!-- tally-estimate -->\n## Cost estimate: +$0.28 per month (");
        assertThat(comment).contains("| changed | `Production/Renewal/Pipeline/Worker` | Lambda::Function | $0.29 | $0.57 | +$0.28 | MemorySize: 1024 -> 2048 |");
        assertThat(comment).contains("table of 2026-11-23");
        assertThat(comment).doesNotContain("[!CAUTION]");
    }

    @Test
    @DisplayName("--fail-above in dollars and percent: above fails with the reason, below passes")
    void failAbove() {
        EstimateRun.Result dollars = diff("table", "0.10");
        assertThat(dollars.gateFailure()).contains("monthly cost up $0.28, above --fail-above $0.10");
        assertThat(dollars.report()).contains("FAILED: monthly cost up $0.28");
        assertThat(diff("table", "$1").gateFailure()).isEmpty();
        assertThat(diff("table", "0.01%").gateFailure()).get().asString().startsWith("monthly cost up 0.");
        assertThat(diff("table", "5%").gateFailure()).isEmpty();
        assertThat(diff("markdown", "0.10").report()).contains("> [!CAUTION]\n> monthly cost up $0.28");
    }

    @Test
    @DisplayName("--stack narrows the diff to the stacks it names")
    void stackFilter() throws Exception {
        EstimateRun.Result result = EstimateRun.run(EstimateRequest.of(changed, "renewal", AppAssemblyTest.APP, null,
                List.of("Production/*"), null, "us-east-1", null, Path.of("none.json"), "json"));
        assertThat(JSON.readTree(result.report()).path("resources")).hasSize(1);
    }
}
