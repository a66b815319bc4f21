package dev.tally.audit.chargeback.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.chargeback.allocation.PoolSummary;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The report as JSON ({@code schemaVersion} 1, documented in the README, "Monthly chargeback"). Amounts are JSON numbers
 * with exactly two decimals, written from BigDecimal (never through a double); a figure that does not exist (no
 * previous month) is {@code null}, never 0.
 */
public final class JsonRenderer {
    /** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public String render(ChargebackReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("month", report.month().toString());
        root.put("metric", report.metricName());
        root.put("currency", report.currency());
        root.put("source", report.source());
        root.put("closed", report.monthClosed());
        root.put("rules", report.rules());
        report.ownerTagKeys().forEach(root.putArray("ownerTagKeys")::add);
        root.put("generatedAt", report.generatedAt().toString());

        Headline h = report.headline();
        ObjectNode headline = root.putObject("headline");
        headline.put("total", h.total());
        headline.put("previousMonth", report.previous().month().toString());
        putOptional(headline, "previousTotal", h.previousTotal());
        putOptional(headline, "change", h.change());
        putOptional(headline, "changePercent", h.changePercent());
        headline.put("untaggedSpend", h.untaggedSpend());
        putOptional(headline, "untaggedPercent", h.untaggedPercent());

        ObjectNode reconciliation = root.putObject("reconciliation");
        reconciliation.put("sourceTotal", report.reconciliation().sourceTotal());
        reconciliation.put("reportTotal", report.reconciliation().reportTotal());
        reconciliation.put("difference", report.reconciliation().difference());
        reconciliation.put("allocated", report.reconciliation().allocated());
        reconciliation.put("unallocated", report.reconciliation().unallocated());
        reconciliation.put("status", report.reconciliation().status());

        ObjectNode previous = root.putObject("previousMonth");
        previous.put("month", report.previous().month().toString());
        previous.put("available", report.previous().available());
        if (report.previous().available()) {
            previous.putNull("note");
        } else {
            previous.put("note", report.previous().note());
        }

        ArrayNode owners = root.putArray("owners");
        for (OwnerCost o : report.owners()) {
            ObjectNode owner = owners.addObject();
            owner.put("owner", o.owner());
            putOptionalText(owner, "department", o.department());
            owner.put("direct", o.direct());
            owner.put("untagged", o.untagged());
            owner.put("shared", o.shared());
            owner.put("total", o.total());
            putOptional(owner, "previousTotal", o.previousTotal());
            putOptional(owner, "change", o.change());
            ArrayNode services = owner.putArray("services");
            for (ServiceLine s : o.services()) {
                ObjectNode service = services.addObject();
                service.put("service", s.service());
                service.put("direct", s.direct());
                service.put("untagged", s.untagged());
                service.put("shared", s.shared());
                service.put("total", s.total());
            }
        }
        ArrayNode departments = root.putArray("departments");
        for (DepartmentCost d : report.departments()) {
            ObjectNode department = departments.addObject();
            department.put("department", d.department());
            d.owners().forEach(department.putArray("owners")::add);
            department.put("total", d.total());
            putOptional(department, "previousTotal", d.previousTotal());
        }
        ArrayNode services = root.putArray("topServices");
        report.topServices().forEach(s -> services.addObject().put("service", s.service()).put("total", s.total()));
        ArrayNode pools = root.putArray("pools");
        for (PoolSummary p : report.pools()) {
            pools.addObject().put("name", p.name()).put("split", p.split()).put("amount", p.amount())
                    .put("owners", p.owners()).put("leftUnallocated", p.leftUnallocated());
        }
        report.notes().forEach(root.putArray("notes")::add);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putOptional(ObjectNode node, String field, Optional<BigDecimal> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static void putOptionalText(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }
}
