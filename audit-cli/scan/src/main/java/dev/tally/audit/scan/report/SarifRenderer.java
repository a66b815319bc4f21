package dev.tally.audit.scan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.check.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * SARIF 2.1.0: one run whose {@code tool.driver.rules} are the checks that ran (id, description, help), and one
 * result per finding with a {@code level} from its severity (critical/high: error, medium: warning, low: note) and
 * the resource as a {@code logicalLocation} (ARN as fully qualified name: cloud resources have no file). Failures are
 * {@code toolExecutionNotifications} of the invocation, whose {@code executionSuccessful} is false when any exist.
 */
public final class SarifRenderer implements ReportRenderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void render(ScanReport report, Writer out) throws IOException {
        JSON.writeValue(out, toSarif(report));
        out.write(System.lineSeparator());
        out.flush();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    static ObjectNode toSarif(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "tally");
        ArrayNode rules = driver.putArray("rules");
        List<Check> checks = report.checks();
        for (Check check : checks) {
            ObjectNode rule = rules.addObject();
            rule.put("id", check.id());
            rule.put("name", pascal(check.id()));
            rule.putObject("shortDescription").put("text", check.title());
            rule.putObject("fullDescription").put("text", check.description());
            rule.putObject("help").put("text", check.description())
                    .put("markdown", "**" + check.title() + "**: " + check.description());
            rule.putObject("defaultConfiguration").put("level", level(check.defaultSeverity()));
            rule.putObject("properties").putArray("tags").add("cost").add("aws");
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.failures().isEmpty());
        ArrayNode policyFiles = invocation.putObject("properties").putArray("policyFiles");
        report.policyFiles().forEach(policyFiles::add);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        report.failures().forEach(f -> notifications.addObject().put("level", "error").putObject("message")
                .put("text", f.accountId() + " " + f.region() + " " + f.service() + ": " + f.message()));

        ArrayNode results = run.putArray("results");
        for (PricedFinding p : report.findings()) {
            Finding f = p.finding();
            ObjectNode result = results.addObject();
            result.put("ruleId", f.checkId());
            result.put("ruleIndex", indexOf(checks, f.checkId()));
            result.put("level", level(f.severity()));
            result.putObject("message").put("text", f.resourceId() + ": " + sentence(f.reason()) + " Estimated saving: "
                    + Money.estimate(p.estimate()) + " (" + Money.basis(p.estimate()) + "). " + f.recommendation());
            ObjectNode logical = result.putArray("locations").addObject().putArray("logicalLocations").addObject();
            logical.put("name", f.resourceId());
            logical.put("fullyQualifiedName", f.resourceArn());
            logical.put("kind", "resource");
            // A stable fingerprint lets dashboards track one finding across scans.
            result.putObject("partialFingerprints").put("tallyResource/v1", f.checkId() + "|" + f.resourceArn());
            ObjectNode properties = result.putObject("properties");
            properties.put("severity", f.severity().label());
            properties.put("accountId", f.accountId());
            properties.put("region", f.region());
            properties.put("resourceType", f.resourceType());
            if (p.estimate() instanceof dev.tally.audit.scan.pricing.CostEstimate.Monthly m) {
                properties.put("monthlyUsd", m.monthlyUsd());
            }
        }
        return root;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static int indexOf(List<Check> checks, String id) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("finding of check " + id + " that did not run");
    }

    private static String pascal(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
