package dev.tally.audit.scan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.scan.check.Check;
import dev.tally.audit.scan.check.Finding;
import dev.tally.audit.scan.pricing.CostEstimate;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON document: {@code scan} (what was scanned), {@code summary} (by check, totals, API calls, price table),
 * {@code findings} (biggest saving first, each with its {@code cost}) and {@code failures}. Amounts are USD numbers;
 * a cost's {@code kind} is {@code monthly}, {@code unknown} or {@code not-applicable}.
 */
public final class JsonRenderer implements ReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void render(ScanReport report, Writer out) throws IOException {
        JSON.writeValue(out, toJson(report));
        out.write(System.lineSeparator());
        out.flush();
    }

    static ObjectNode toJson(ScanReport report) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode scan = root.putObject("scan");
        scan.put("generatedAt", report.generatedAt().toString());
        scan.put("lastMetricsDay", report.lastMetricsDay().toString());
        ArrayNode accounts = scan.putArray("accounts");
        report.accounts().forEach(a -> accounts.addObject().put("id", a.accountId()).put("name", a.name()));
        scan.put("accountRegionsScanned", report.regionsScanned());
        ArrayNode checks = scan.putArray("checks");
        for (Check c : report.checks()) {
            checks.addObject().put("id", c.id()).put("title", c.title()).put("defaultSeverity", c.defaultSeverity().label());
        }
        scan.put("complete", report.failures().isEmpty());
        ArrayNode policyFiles = scan.putArray("policyFiles");
        report.policyFiles().forEach(policyFiles::add);

        ObjectNode summary = root.putObject("summary");
        ArrayNode byCheck = summary.putArray("byCheck");
        for (CheckSummary s : report.summary()) {
            ObjectNode line = byCheck.addObject().put("check", s.checkId()).put("findings", s.findings());
            if (s.notMonetary()) {
                line.putNull("monthlyUsd");
            } else {
                line.put("monthlyUsd", s.monthlyUsd());
            }
            line.put("unpriced", s.unpriced());
        }
        summary.put("findings", report.findings().size());
        summary.put("totalMonthlyUsd", report.totalMonthlyUsd());
        ObjectNode api = summary.putObject("apiCalls");
        api.put("total", report.apiCallCost().totalCalls());
        api.put("cloudWatchMetricsRequested", report.apiCallCost().metricsRequested());
        api.put("costUsd", report.apiCallCost().totalUsd());
        ObjectNode byOperation = api.putObject("byOperation");
        new java.util.TreeMap<>(report.apiCalls()).forEach((call, n) -> byOperation.put(call.toString(), n));
        summary.put("failures", report.failures().size());
        summary.putObject("priceTable").put("snapshotDate", report.priceTable().snapshotDate().toString())
                .put("source", report.priceTable().source());

        ArrayNode findings = root.putArray("findings");
        for (PricedFinding p : report.findings()) {
            Finding f = p.finding();
            ObjectNode node = findings.addObject()
                    .put("check", f.checkId())
                    .put("severity", f.severity().label())
                    .put("accountId", f.accountId())
                    .put("region", f.region())
                    .put("resourceType", f.resourceType())
                    .put("resourceId", f.resourceId())
                    .put("resourceArn", f.resourceArn())
                    .put("reason", f.reason())
                    .put("recommendation", f.recommendation());
            cost(node.putObject("cost"), p.estimate());
            ObjectNode attributes = node.putObject("attributes");
            f.attributes().forEach(attributes::put);
        }
        ArrayNode failures = root.putArray("failures");
        report.failures().forEach(f -> failures.addObject().put("accountId", f.accountId()).put("region", f.region())
                .put("service", f.service()).put("message", f.message()));
        return root;
    }

    private static void cost(ObjectNode node, CostEstimate estimate) {
        if (estimate instanceof CostEstimate.Monthly m) {
            node.put("kind", "monthly").put("monthlyUsd", m.monthlyUsd()).put("hourlyUsd", m.hourlyUsd())
                    .put("note", Money.basis(m));
        } else if (estimate instanceof CostEstimate.Unknown u) {
            node.put("kind", "unknown").putNull("monthlyUsd").put("note", u.why());
        } else {
            node.put("kind", "not-applicable").putNull("monthlyUsd").put("note", Money.basis(estimate));
        }
    }
}
