package dev.tally.audit.estimate.report;

import dev.tally.audit.estimate.compare.FleetComparison;
import dev.tally.audit.estimate.usage.Usage;

/** The fleet comparison as text and Markdown. */
public final class FleetComparisonText {
    private FleetComparisonText() {
    }

    public static String table(FleetComparison c) {
        StringBuilder out = new StringBuilder();
        out.append("Against the fixed fleet '").append(c.fleet().name()).append("' (").append(c.fleet().source())
                .append(", ").append(c.region()).append("):\n");
        for (FleetComparison.Line line : c.lines()) {
            out.append(String.format("  %-54s %14s%n", line.instance().count() + " x " + line.instance().instanceType()
                    + " " + line.instance().name() + ", " + Usage.format(line.instance().hoursPerMonth()) + " h at "
                    + Dollars.unitPrice(line.hourlyUsd()) + "/h", Dollars.of(line.monthlyUsd())));
        }
        out.append(String.format("  %-54s %14s%n", "fleet total", Dollars.of(c.fleetUsd())));
        out.append(String.format("  %-54s %14s%n", "this estimate", Dollars.of(c.stackUsd())));
        out.append(String.format("  %-54s %14s%n", "saving per month (" + c.stackShareOfFleetPercent()
                + "% of the fleet's cost)", Dollars.of(c.savingUsd())));
        out.append("  Fleet assumptions:\n");
        c.fleet().assumptions().forEach(a -> out.append("    - ").append(a).append('\n'));
        c.lines().forEach(l -> {
            if (!l.instance().note().isBlank()) {
                out.append("    - ").append(l.instance().name()).append(": ").append(l.instance().note()).append('\n');
            }
        });
        return out.toString();
    }

    public static String markdown(FleetComparison c) {
        StringBuilder out = new StringBuilder();
        out.append("### Against the fixed fleet `").append(c.fleet().name()).append("`\n\n");
        out.append("| | monthly |\n| --- | ---: |\n");
        for (FleetComparison.Line line : c.lines()) {
            out.append("| ").append(line.instance().count()).append(" x `").append(line.instance().instanceType())
                    .append("` ").append(line.instance().name()).append(", ")
                    .append(Usage.format(line.instance().hoursPerMonth())).append(" h | ")
                    .append(Dollars.of(line.monthlyUsd())).append(" |\n");
        }
        out.append("| **fleet** | **").append(Dollars.of(c.fleetUsd())).append("** |\n");
        out.append("| **this estimate** | **").append(Dollars.of(c.stackUsd())).append("** |\n");
        out.append("| saving (").append(c.stackShareOfFleetPercent()).append("% of the fleet's cost) | ")
                .append(Dollars.of(c.savingUsd())).append(" |\n\n");
        c.fleet().assumptions().forEach(a -> out.append("- ").append(a).append('\n'));
        return out.toString();
    }
}
