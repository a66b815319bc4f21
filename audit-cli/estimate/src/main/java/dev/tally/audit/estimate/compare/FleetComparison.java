package dev.tally.audit.estimate.compare;

import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.estimate.estimate.Estimate;
import dev.tally.audit.estimate.price.MissingPrice;
import dev.tally.audit.estimate.price.Rates;
import dev.tally.audit.estimate.usage.FleetInstance;
import dev.tally.audit.estimate.usage.UsageProfile;
import dev.tally.audit.scan.pricing.PriceKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The estimate against a fixed fleet (the always-on servers a serverless stack replaced), both from the same price
 * table, so "pay only for the renewal days" is a number with its assumptions.
 *
 * @param fleet    the fleet profile (its assumptions say how the fleet was sized)
 * @param region   the region both are priced in
 * @param lines    the fleet's groups and their monthly cost
 * @param stackUsd the estimate's monthly total
 */
public record FleetComparison(UsageProfile fleet, String region, List<Line> lines, BigDecimal stackUsd) {

    /**
     * One group of servers.
     *
     * @param instance   the group
     * @param hourlyUsd  on-demand price per instance-hour
     * @param monthlyUsd instances × hours × price, plus their gp3 volumes
     */
    public record Line(FleetInstance instance, BigDecimal hourlyUsd, BigDecimal monthlyUsd) {
    }

    public FleetComparison {
        lines = List.copyOf(lines);
    }

    /**
     * Prices {@code fleet} in {@code rates}' region against {@code estimate}.
     *
     * @throws UserFacingException (usage) when the fleet profile has no fleet or an instance type has no price
     */
    public static FleetComparison of(Estimate estimate, UsageProfile fleet, Rates rates) {
        if (fleet.fleet().isEmpty()) {
            throw UserFacingException.usage(fleet.source() + ": has no 'fleet' to compare against");
        }
        List<Line> lines = new ArrayList<>();
        try {
            BigDecimal ebs = rates.rate(PriceKind.EBS, "gp3.gb-month");
            for (FleetInstance group : fleet.fleet()) {
                BigDecimal hourly = rates.rate(PriceKind.EC2_INSTANCE_HOUR, group.instanceType());
                BigDecimal monthly = hourly.multiply(BigDecimal.valueOf(group.count() * group.hoursPerMonth()))
                        .add(ebs.multiply(BigDecimal.valueOf(group.count() * group.ebsGb())), MathContext.DECIMAL64);
                lines.add(new Line(group, hourly, monthly.setScale(2, RoundingMode.HALF_UP)));
            }
        } catch (MissingPrice e) {
            throw UserFacingException.usage(fleet.source() + ": " + e.getMessage());
        }
        return new FleetComparison(fleet, rates.region(), lines, estimate.monthlyUsd());
    }

    public BigDecimal fleetUsd() {
        return lines.stream().map(Line::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Fleet minus stack: what the stack saves a month (negative when it costs more). */
    public BigDecimal savingUsd() {
        return fleetUsd().subtract(stackUsd);
    }

    /** The stack's cost as a share of the fleet's, in percent (one decimal). */
    public BigDecimal stackShareOfFleetPercent() {
        return fleetUsd().signum() == 0 ? BigDecimal.ZERO
                : stackUsd.multiply(BigDecimal.valueOf(100)).divide(fleetUsd(), 1, RoundingMode.HALF_UP);
    }
}
