package dev.tally.audit.estimate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.audit.estimate.diff.EstimateDiff;
import dev.tally.audit.estimate.diff.ResourceDelta;
import dev.tally.audit.estimate.price.ResourceCost;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The diff between two estimates as a table, JSON, and the Markdown pull-request comment. */
public final class DiffRenderers {
    private DiffRenderers() {
    }

    private static String percent(EstimateDiff diff) {
        return diff.deltaPercent().map(p -> (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%").orElse("n/a");
    }

    private static String why(ResourceDelta d) {
        List<String> reasons = new ArrayList<>(d.changedProperties());
        reasons.addAll(d.changedUsage().stream().map(u -> "usage " + u).toList());
        if (d.base() != null && d.head() != null && d.base().status() != d.head().status()) {
            reasons.add("status " + status(d.base()) + " -> " + status(d.head()));
        }
        if (d.head() != null && d.head().status() != ResourceCost.Status.PRICED && d.head().status() != ResourceCost.Status.FREE) {
            reasons.add(String.join("; ", d.head().notes()));
        }
        return String.join("; ", reasons);
    }

    private static String status(ResourceCost r) {
        return r.status().name().toLowerCase(Locale.ROOT);
    }

    public static String table(EstimateDiff diff, Optional<String> gate) {
        StringBuilder out = new StringBuilder();
        out.append("Monthly cost change: ").append(Dollars.of(diff.baseUsd())).append(" -> ")
                .append(Dollars.of(diff.headUsd())).append(" (").append(Dollars.signed(diff.deltaUsd())).append(", ")
                .append(percent(diff)).append(")\n");
        out.append("Base ").append(diff.base().assembly()).append(", new ").append(diff.head().assembly())
                .append(", usage profile '").append(diff.head().profile().name()).append("'\n");
        out.append(Headers.prices(diff.head())).append("\n\n");
        out.append(String.format("%-50s %12s %12s %12s%n", "STACK", "BASE", "NEW", "CHANGE"));
        for (EstimateDiff.StackDelta s : diff.stacks()) {
            out.append(String.format("%-50s %12s %12s %12s%n", s.path(), Dollars.of(s.baseUsd()), Dollars.of(s.headUsd()),
                    Dollars.signed(s.deltaUsd())));
        }
        out.append('\n');
        if (diff.resources().isEmpty()) {
            out.append("No resource changed price.\n");
        } else {
            out.append(String.format("%-8s %-60s %12s %12s %12s%n", "", "RESOURCE", "BASE", "NEW", "CHANGE"));
            for (ResourceDelta d : diff.resources()) {
                out.append(String.format("%-8s %-60s %12s %12s %12s%n", d.change().name().toLowerCase(Locale.ROOT),
                        d.any().stack() + "/" + Headers.shortPath(d.any()), Dollars.of(d.baseUsd()),
                        Dollars.of(d.headUsd()), Dollars.signed(d.deltaUsd())));
                String why = why(d);
                if (!why.isEmpty()) {
                    out.append("         because ").append(why).append('\n');
                }
            }
        }
        gate.ifPresent(g -> out.append("\nFAILED: ").append(g).append('\n'));
        return out.toString();
    }

    public static String markdown(EstimateDiff diff, Optional<String> gate) {
        StringBuilder out = new StringBuilder();
        out.append("<!-- tally-estimate -->\n");
        out.append("## Cost estimate: ").append(Dollars.signed(diff.deltaUsd())).append(" per month (")
                .append(percent(diff)).append(")\n\n");
        gate.ifPresent(g -> out.append("> [!CAUTION]\n> ").append(g).append("\n\n"));
        out.append(Dollars.of(diff.baseUsd())).append(" → **").append(Dollars.of(diff.headUsd()))
                .append("** a month under usage profile `").append(diff.head().profile().name()).append("`. ")
                .append(Headers.prices(diff.head())).append(".\n\n");
        out.append("| stack | base | new | change |\n| --- | ---: | ---: | ---: |\n");
        for (EstimateDiff.StackDelta s : diff.stacks()) {
            out.append("| `").append(s.path()).append("` | ").append(Dollars.of(s.baseUsd())).append(" | ")
                    .append(Dollars.of(s.headUsd())).append(" | ").append(Dollars.signed(s.deltaUsd())).append(" |\n");
        }
        out.append('\n');
        if (!diff.resources().isEmpty()) {
            out.append("| | resource | type | base | new | change | why |\n| --- | --- | --- | ---: | ---: | ---: | --- |\n");
            for (ResourceDelta d : diff.resources()) {
                out.append("| ").append(d.change().name().toLowerCase(Locale.ROOT)).append(" | `").append(d.any().stack())
                        .append('/').append(Headers.shortPath(d.any())).append("` | ").append(Headers.shortType(d.any().type()))
                        .append(" | ").append(Dollars.of(d.baseUsd())).append(" | ").append(Dollars.of(d.headUsd()))
                        .append(" | ").append(Dollars.signed(d.deltaUsd())).append(" | ")
                        .append(why(d).replace("|", "\\|")).append(" |\n");
            }
            out.append('\n');
        } else {
            out.append("No resource changed price.\n\n");
        }
        EstimateMarkdown.missing(out, diff.head().countByType(ResourceCost.Status.UNPRICED), diff.head());
        out.append("<details><summary>Assumptions</summary>\n\n");
        diff.head().profile().assumptions().forEach(a -> out.append("- ").append(a).append('\n'));
        out.append("\n</details>\n");
        return out.toString();
    }

    public static String json(EstimateDiff diff, Optional<String> gate) {
        ObjectNode root = EstimateJson.JSON.createObjectNode();
        root.put("baseAssembly", diff.base().assembly());
        root.put("assembly", diff.head().assembly());
        root.put("usageProfile", diff.head().profile().name());
        root.putObject("priceTable").put("snapshotDate", diff.head().prices().snapshotDate().toString())
                .put("source", diff.head().prices().source());
        root.put("currency", "USD");
        root.put("baseMonthlyUsd", diff.baseUsd().setScale(2, RoundingMode.HALF_UP));
        root.put("monthlyUsd", diff.headUsd().setScale(2, RoundingMode.HALF_UP));
        root.put("deltaMonthlyUsd", diff.deltaUsd().setScale(2, RoundingMode.HALF_UP));
        diff.deltaPercent().ifPresentOrElse(p -> root.put("deltaPercent", p), () -> root.putNull("deltaPercent"));
        root.put("gatePassed", gate.isEmpty());
        gate.ifPresent(g -> root.put("gateFailure", g));
        ArrayNode stacks = root.putArray("stacks");
        diff.stacks().forEach(s -> stacks.addObject().put("path", s.path()).put("baseMonthlyUsd", s.baseUsd())
                .put("monthlyUsd", s.headUsd()).put("deltaMonthlyUsd", s.deltaUsd()));
        ArrayNode resources = root.putArray("resources");
        for (ResourceDelta d : diff.resources()) {
            ObjectNode r = resources.addObject();
            r.put("change", d.change().name().toLowerCase(Locale.ROOT));
            r.put("stack", d.any().stack());
            r.put("logicalId", d.any().logicalId());
            r.put("type", d.any().type());
            r.put("path", d.any().path());
            r.put("baseMonthlyUsd", d.baseUsd());
            r.put("monthlyUsd", d.headUsd());
            r.put("deltaMonthlyUsd", d.deltaUsd());
            if (d.base() != null) {
                r.put("baseStatus", status(d.base()));
            }
            if (d.head() != null) {
                r.put("status", status(d.head()));
            }
            d.changedProperties().forEach(r.putArray("changedProperties")::add);
            d.changedUsage().forEach(r.putArray("changedUsage")::add);
        }
        try {
            return EstimateJson.JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
