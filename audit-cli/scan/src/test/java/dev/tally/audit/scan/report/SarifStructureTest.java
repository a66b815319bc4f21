package dev.tally.audit.scan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.audit.scan.InMemoryBackend;
import dev.tally.audit.scan.SampleEstate;
import dev.tally.audit.scan.ScanCli;
import dev.tally.audit.scan.run.CollectionException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the SARIF output against the parts of the SARIF 2.1.0 schema that consumers (GitHub code scanning, the SARIF
 * viewer) rely on: required properties, allowed enum values, and rule/result consistency.
 */
@DisplayName("SARIF 2.1.0 output")
class SarifStructureTest {
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");
    private static JsonNode sarif;
    private static JsonNode failedSarif;

    @BeforeAll
    static void scan(@TempDir Path home) throws Exception {
        ObjectMapper json = new ObjectMapper();
        sarif = json.readTree(ScanCli.run(SampleEstate.backend(), home.resolve("p.json"), "-o", "sarif").out());
        InMemoryBackend failing = SampleEstate.backend().failingRegion("111111111111", "us-east-1",
                new CollectionException("EC2", "UnauthorizedOperation on EC2:DescribeInstances", null));
        failedSarif = json.readTree(ScanCli.run(failing, home.resolve("p.json"), "-o", "sarif").out());
    }

    @Test
    @DisplayName("top level: version 2.1.0, the schema URI, exactly one run, and no properties outside the schema")
    void topLevel() {
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(fieldNames(sarif)).containsOnly("$schema", "version", "runs");
        assertThat(sarif.get("runs")).hasSize(1);
        assertThat(fieldNames(sarif.get("runs").get(0))).containsOnly("tool", "invocations", "results");
    }

    @Test
    @DisplayName("tool.driver has a name and one rule per check with id, descriptions, help and a valid default level")
    void rules() {
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("tally");
        JsonNode rules = driver.get("rules");
        assertThat(rules).extracting(r -> r.get("id").asText())
                .containsExactly("idle-ec2", "orphaned-lb", "public-bucket", "untagged");
        for (JsonNode rule : rules) {
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/help/text").asText()).isNotBlank();
            assertThat(LEVELS).contains(rule.at("/defaultConfiguration/level").asText());
        }
    }

    @Test
    @DisplayName("every result names a rule that exists at its ruleIndex, has a valid level, a message and an ARN location")
    void results() {
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results.size()).isGreaterThan(5);
        Set<String> levels = new HashSet<>();
        for (JsonNode result : results) {
            String ruleId = result.get("ruleId").asText();
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
            assertThat(LEVELS).contains(result.get("level").asText());
            levels.add(result.get("level").asText());
            assertThat(result.at("/message/text").asText()).isNotBlank();
            JsonNode logical = result.at("/locations/0/logicalLocations/0");
            assertThat(logical.get("fullyQualifiedName").asText()).startsWith("arn:aws:");
            assertThat(logical.get("name").asText()).isNotBlank();
            assertThat(result.at("/partialFingerprints/tallyResource~1v1").asText()).contains(ruleId);
        }
        // high -> error (public bucket), medium -> warning (idle, orphaned), low -> note (untagged)
        assertThat(levels).containsExactlyInAnyOrder("error", "warning", "note");
    }

    @Test
    @DisplayName("severity maps to level: critical and high are errors, medium a warning, low a note")
    void levelMapping() {
        assertThat(List.of(dev.tally.audit.scan.check.Severity.values()).stream().map(SarifRenderer::level))
                .containsExactly("note", "warning", "error", "error");
    }

    @Test
    @DisplayName("failures make the invocation unsuccessful, with one error notification each")
    void invocation() {
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(failedSarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
        JsonNode notes = failedSarif.at("/runs/0/invocations/0/toolExecutionNotifications");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("level").asText()).isEqualTo("error");
        assertThat(notes.get(0).at("/message/text").asText()).contains("UnauthorizedOperation");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
