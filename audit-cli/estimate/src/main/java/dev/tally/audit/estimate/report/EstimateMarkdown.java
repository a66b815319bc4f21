package dev.tally.audit.estimate.report;

import dev.tally.audit.estimate.compare.FleetComparison;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.estimate.StackCost;
import dev.tally.audit.estimate.price.ResourceCost;
import dev.tally.audit.estimate.price.ResourceCost.Status;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The estimate as Markdown (a pull-request comment or a page): totals per stack, top resources, what is missing. */
public final class EstimateMarkdown {
    private EstimateMarkdown() {
    }

    public static String render(Estimate estimate, Optional<FleetComparison> comparison) {
        StringBuilder out = new StringBuilder();
        out.append("## Monthly estimate: ").append(Dollars.of(estimate.monthlyUsd())).append("\n\n");
        out.append("Usage profile `").append(estimate.profile().name()).append("`. ")
                .append(Headers.prices(estimate)).append(".\n\n");
        out.append("| stack | region | monthly |\n| --- | --- | ---: |\n");
        for (StackCost stack : estimate.stacks()) {
            out.append("| `").append(stack.path()).append("` | ").append(stack.region()).append(" | ")
                    .append(Dollars.of(stack.monthlyUsd())).append(" |\n");
        }
        out.append("| **total** | | **").append(Dollars.of(estimate.monthlyUsd())).append("** |\n\n");
        out.append("<details><summary>Resources</summary>\n\n| stack | resource | type | monthly |\n| --- | --- | --- | ---: |\n");
        estimate.resources().filter(r -> r.status() == Status.PRICED)
                .sorted(Comparator.comparing(ResourceCost::monthlyUsd).reversed())
                .forEach(r -> out.append("| `").append(r.stack()).append("` | `").append(Headers.shortPath(r))
                        .append("` | ").append(Headers.shortType(r.type())).append(" | ").append(Dollars.of(r.monthlyUsd()))
                        .append(" |\n"));
        out.append("\n</details>\n\n");
        missing(out, estimate.countByType(Status.UNPRICED), estimate);
        out.append("<details><summary>Assumptions</summary>\n\n");
        estimate.profile().assumptions().forEach(a -> out.append("- ").append(a).append('\n'));
        out.append("\n</details>\n");
        comparison.ifPresent(c -> out.append('\n').append(FleetComparisonText.markdown(c)));
        return out.toString();
    }

    static void missing(StringBuilder out, Map<String, Long> unpriced, Estimate estimate) {
        if (!unpriced.isEmpty()) {
            out.append("**Unpriced** (not in the total): ");
            StringBuilder list = new StringBuilder();
            unpriced.forEach((type, n) -> list.append(list.length() == 0 ? "" : ", ").append('`').append(type)
                    .append("` x").append(n));
            out.append(list).append("\n\n");
        }
        long unresolved = estimate.resources().filter(r -> r.status() == Status.UNRESOLVED).count();
        if (unresolved > 0) {
            out.append("**Unresolved** (known only at deployment, not guessed): ").append(unresolved).append('\n');
            estimate.resources().filter(r -> r.status() == Status.UNRESOLVED).forEach(r -> out.append("- `")
                    .append(r.stack()).append('/').append(r.logicalId()).append("`: ")
                    .append(String.join("; ", r.notes())).append('\n'));
            out.append('\n');
        }
    }
}
