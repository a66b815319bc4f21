package dev.tally.audit.estimate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The app's own synthesis (the renewal, portal and platform stacks of both stages, in {@code assemblies/app}) priced
 * under the bundled profiles: the figures docs/estimate.md quotes.
 */
class AppAssemblyTest {
    static final Path APP = Path.of("src/test/resources/assemblies/app");
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode estimate(String profile, String... stacks) throws Exception {
        EstimateRequest request = EstimateRequest.of(APP, profile, null, null, List.of(stacks), null, "us-east-1", null,
                Path.of("no-such-refreshed-table.json"), "json");
        return JSON.readTree(EstimateRun.run(request).report());
    }

    @Test
    @DisplayName("every stack of both stages is read through the nested assemblies")
    void nestedAssemblies() throws Exception {
        JsonNode all = estimate("renewal");
        List<String> paths = new java.util.ArrayList<>();
        all.path("stacks").forEach(s -> paths.add(s.path("path").asText()));
        assertThat(paths).containsExactly("Staging/Renewal", "Staging/Portal",
                "Staging/Platform", "Production/Renewal", "Production/Portal", "Production/Platform");
        assertThat(all.path("priceTable").path("snapshotDate").asText()).isEqualTo("2026-11-23");
    }

    @Test
    @DisplayName("the production renewal stack under the renewal profile: everything resolved, the window's provisioned concurrency")
    void renewal() throws Exception {
        JsonNode renewal = estimate("renewal", "Production/Renewal");
        assertThat(renewal.path("counts").path("unresolved").asInt()).isZero();
        assertThat(renewal.path("counts").path("unpriced").asInt()).isZero();
        JsonNode balance = resource(renewal, "Production/Renewal/Pipeline/Balance/Resource");
        assertThat(balance.path("charges").findValuesAsText("item"))
                .anyMatch(i -> i.startsWith("provisioned concurrency (1760 concurrency-hours)"));
        assertThat(renewal.path("monthlyUsd").decimalValue()).isEqualByComparingTo("222.76");
    }

    @Test
    @DisplayName("the portal under its profile: 50 KB documents stay in STANDARD, the Fargate floor, the SAR app unpriced")
    void portal() throws Exception {
        JsonNode portal = estimate("portal", "Production/Portal");
        assertThat(portal.path("unpricedByType").path("AWS::Serverless::Application").asInt()).isEqualTo(1);
        JsonNode documents = resource(portal, "Production/Portal/Portal/Documents/Resource");
        // 82 GB x $0.023 = 1.886 + 40 x $0.005 PUT = 0.20 + 200 x $0.0004 GET = 0.08: $2.17
        assertThat(documents.path("monthlyUsd").decimalValue()).isEqualByComparingTo("2.17");
        assertThat(documents.path("notes").toString()).contains("under the 128 KB minimum transition size");
        // 4 tasks x 240 h + 2 x 490 h = 1,940 task-h of 0.5 vCPU / 1 GB arm64: 970 x $0.03238 + 1,940 x $0.00356 = $38.32
        assertThat(resource(portal, "Production/Portal/Portal/Service/Service").path("monthlyUsd").decimalValue())
                .isEqualByComparingTo("38.32");
        assertThat(portal.path("monthlyUsd").decimalValue()).isEqualByComparingTo("407.63");
    }

    @Test
    @DisplayName("the platform under the EKS profile: control plane, on-demand and Spot node groups")
    void platform() throws Exception {
        JsonNode platform = estimate("eks", "Production/Platform");
        assertThat(resource(platform, "Production/Platform/Platform/Cluster/Resource").path("monthlyUsd").decimalValue())
                .isEqualByComparingTo("73.00");
        assertThat(platform.path("monthlyUsd").decimalValue()).isEqualByComparingTo("310.36");
    }

    static JsonNode resource(JsonNode estimate, String path) {
        for (JsonNode stack : estimate.path("stacks")) {
            for (JsonNode r : stack.path("resources")) {
                if (r.path("path").asText().equals(path)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no resource " + path);
    }
}
