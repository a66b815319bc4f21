package dev.tally.audit.estimate.report;

import dev.tally.audit.estimate.compare.FleetComparison;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.StackCost;
import dev.tally.audit.estimate.price.CostLine;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.price.ResourceCost.Status;
import dev.tally.audit.estimate.usage.Usage;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The estimate as a terminal report: per stack, per resource with its charges, then what has no figure and why. */
public final class EstimateTableRenderer {
    private EstimateTableRenderer() {
    }

    public static String render(Estimate estimate, Optional<FleetComparison> comparison) {
        StringBuilder out = new StringBuilder();
        out.append("Monthly estimate of ").append(estimate.assembly()).append(" under usage profile '")
                .append(estimate.profile().name()).append("' (").append(estimate.profile().source()).append(")\n");
        out.append(Headers.prices(estimate)).append("\n\n");
        for (StackCost stack : estimate.stacks()) {
            out.append(String.format("%-90s %14s%n", stack.path() + " (" + stack.stackName() + ", " + stack.region() + ")",
                    Dollars.of(stack.monthlyUsd()) + "/mo"));
            stack.resources().stream().filter(r -> r.status() == Status.PRICED)
                    .sorted(Comparator.comparing(ResourceCost::monthlyUsd).reversed())
                    .forEach(r -> resource(out, r));
            out.append('\n');
        }
        out.append(String.format("%-90s %14s%n%n", "Total", Dollars.of(estimate.monthlyUsd()) + "/mo"));
        notCounted(out, estimate);
        assumptions(out, estimate);
        comparison.ifPresent(c -> out.append('\n').append(FleetComparisonText.table(c)));
        return out.toString();
    }

    private static void resource(StringBuilder out, ResourceCost r) {
        out.append(String.format("  %-56s %-32s %12s%n", Headers.shortPath(r), Headers.shortType(r.type()),
                Dollars.of(r.monthlyUsd())));
        for (CostLine line : r.lines()) {
            if (line.monthlyUsd().signum() == 0 && line.quantity().signum() == 0) {
                continue;
            }
            out.append(String.format("      %-50s %10s = %s x %s%n", line.item(), Dollars.of(line.monthlyUsd()),
                    Dollars.quantity(line.quantity()) + " " + line.unit(), Dollars.unitPrice(line.unitPrice())));
        }
        r.notes().forEach(n -> out.append("      note: ").append(n).append('\n'));
    }

    private static void notCounted(StringBuilder out, Estimate estimate) {
        Map<String, Long> unpriced = estimate.countByType(Status.UNPRICED);
        if (!unpriced.isEmpty()) {
            out.append("Unpriced (no figure; not counted in the total, never as $0):\n");
            unpriced.forEach((type, count) -> out.append(String.format("  %-50s %d%n", type, count)));
            estimate.resources().filter(r -> r.status() == Status.UNPRICED).map(r -> r.notes().get(0)).distinct()
                    .sorted().forEach(reason -> out.append("    ").append(reason).append('\n'));
        }
        if (estimate.resources().anyMatch(r -> r.status() == Status.UNRESOLVED)) {
            out.append("Unresolved (a price-setting property is known only at deployment; not guessed):\n");
            estimate.resources().filter(r -> r.status() == Status.UNRESOLVED).forEach(r -> out.append("  ")
                    .append(r.stack()).append(' ').append(r.logicalId()).append(" (").append(r.type()).append("): ")
                    .append(String.join("; ", r.notes())).append('\n'));
        }
        long skipped = estimate.resources().filter(r -> r.status() == Status.SKIPPED).count();
        if (skipped > 0) {
            out.append("Not created (Condition false): ").append(skipped).append(" resources\n");
        }
        Map<String, Long> free = estimate.countByType(Status.FREE);
        out.append("No charge of their own: ").append(free.values().stream().mapToLong(Long::longValue).sum())
                .append(" resources of ").append(free.size()).append(" types (IAM, wiring, configuration)\n");
    }

    private static void assumptions(StringBuilder out, Estimate estimate) {
        out.append("\nAssumptions (").append(estimate.profile().name()).append("):\n");
        estimate.profile().assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
        out.append("Usage per resource (figure = value, from):\n");
        estimate.resources().filter(r -> r.status() == Status.PRICED && !r.usage().isEmpty()).forEach(r -> {
            out.append("  ").append(r.stack()).append('/').append(Headers.shortPath(r)).append(": ");
            StringBuilder figures = new StringBuilder();
            for (Usage.Assumption a : r.usage()) {
                figures.append(figures.length() == 0 ? "" : ", ").append(a.key()).append(" = ").append(a.value())
                        .append(" (").append(a.origin()).append(')');
            }
            out.append(figures).append('\n');
        });
    }
}
