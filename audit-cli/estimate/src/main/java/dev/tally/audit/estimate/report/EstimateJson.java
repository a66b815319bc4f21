package dev.tally.audit.estimate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.estimate.compare.FleetComparison;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.StackCost;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.usage.Usage;
import java.math.RoundingMode;
import java.util.Optional;

/** The estimate as JSON: every resource with its status, charges, usage figures and the properties read. */
public final class EstimateJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EstimateJson() {
    }

    public static String render(Estimate estimate, Optional<FleetComparison> comparison) {
        ObjectNode root = tree(estimate);
        comparison.ifPresent(c -> root.set("fleetComparison", comparison(c)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree(Estimate estimate) {
        ObjectNode root = JSON.createObjectNode();
        root.put("assembly", estimate.assembly());
        ObjectNode profile = root.putObject("usageProfile");
        profile.put("name", estimate.profile().name());
        profile.put("source", estimate.profile().source());
        profile.put("description", estimate.profile().description());
        estimate.profile().assumptions().forEach(profile.putArray("assumptions")::add);
        ObjectNode prices = root.putObject("priceTable");
        prices.put("snapshotDate", estimate.prices().snapshotDate().toString());
        prices.put("source", estimate.prices().source());
        root.put("currency", "USD");
        root.put("monthlyUsd", estimate.monthlyUsd().setScale(2, RoundingMode.HALF_UP));
        ObjectNode counts = root.putObject("counts");
        for (ResourceCost.Status status : ResourceCost.Status.values()) {
            counts.put(status.name().toLowerCase(java.util.Locale.ROOT),
                    estimate.resources().filter(r -> r.status() == status).count());
        }
        ObjectNode unpriced = root.putObject("unpricedByType");
        estimate.countByType(ResourceCost.Status.UNPRICED).forEach(unpriced::put);
        ArrayNode stacks = root.putArray("stacks");
        for (StackCost stack : estimate.stacks()) {
            ObjectNode s = stacks.addObject();
            s.put("path", stack.path());
            s.put("stackName", stack.stackName());
            s.put("region", stack.region());
            s.put("monthlyUsd", stack.monthlyUsd().setScale(2, RoundingMode.HALF_UP));
            ArrayNode resources = s.putArray("resources");
            stack.resources().forEach(r -> resources.add(resource(r)));
        }
        return root;
    }

    static ObjectNode resource(ResourceCost r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("logicalId", r.logicalId());
        node.put("type", r.type());
        node.put("path", r.path());
        node.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        if (r.status() == ResourceCost.Status.PRICED) {
            node.put("monthlyUsd", r.monthlyUsd());
            ArrayNode lines = node.putArray("charges");
            for (CostLine line : r.lines()) {
                ObjectNode l = lines.addObject();
                l.put("item", line.item());
                l.put("quantity", line.quantity());
                l.put("unit", line.unit());
                l.put("unitPriceUsd", line.unitPrice());
                l.put("monthlyUsd", line.monthlyUsd().setScale(4, RoundingMode.HALF_UP));
            }
        }
        if (!r.usage().isEmpty()) {
            ArrayNode usage = node.putArray("usage");
            for (Usage.Assumption a : r.usage()) {
                usage.addObject().put("key", a.key()).put("value", a.value()).put("from", a.origin());
            }
        }
        if (!r.drivers().isEmpty()) {
            ObjectNode drivers = node.putObject("properties");
            r.drivers().forEach(drivers::put);
        }
        if (!r.notes().isEmpty()) {
            r.notes().forEach(node.putArray("notes")::add);
        }
        return node;
    }

    private static ObjectNode comparison(FleetComparison c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("fleet", c.fleet().name());
        node.put("source", c.fleet().source());
        node.put("region", c.region());
        ArrayNode lines = node.putArray("groups");
        c.lines().forEach(l -> lines.addObject().put("name", l.instance().name())
                .put("instanceType", l.instance().instanceType()).put("count", l.instance().count())
                .put("hoursPerMonth", l.instance().hoursPerMonth()).put("ebsGb", l.instance().ebsGb())
                .put("hourlyUsd", l.hourlyUsd()).put("monthlyUsd", l.monthlyUsd()).put("note", l.instance().note()));
        node.put("fleetMonthlyUsd", c.fleetUsd());
        node.put("estimateMonthlyUsd", c.stackUsd().setScale(2, RoundingMode.HALF_UP));
        node.put("savingMonthlyUsd", c.savingUsd().setScale(2, RoundingMode.HALF_UP));
        node.put("estimateShareOfFleetPercent", c.stackShareOfFleetPercent());
        c.fleet().assumptions().forEach(node.putArray("assumptions")::add);
        return node;
    }
}
