package dev.tally.audit.estimate.price;

import dev.tally.audit.estimate.usage.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What one resource costs a month, or why there is no figure.
 *
 * @param stack       the stack's path ({@code Production/Renewal})
 * @param logicalId   the resource's logical id
 * @param type        its CloudFormation type
 * @param path        its construct path
 * @param status      priced, free, unpriced, unresolved or skipped
 * @param lines       the charges (empty unless priced)
 * @param usage       the usage figures used, with their origins
 * @param drivers     the template properties the price depends on, as read
 * @param notes       caveats and the reason for a non-priced status
 */
public record ResourceCost(String stack, String logicalId, String type, String path, Status status,
        List<CostLine> lines, List<Usage.Assumption> usage, Map<String, String> drivers, List<String> notes) {

    /** How a resource came out of pricing. */
    public enum Status {
        /** Priced: {@link #lines} hold its charges. */
        PRICED,
        /** A type AWS does not charge for (IAM roles, Lambda versions, security groups). */
        FREE,
        /** A type the estimator has no pricer for, or the price table lacks a rate: listed, never counted as $0. */
        UNPRICED,
        /** A property its price depends on is known only at deployment; reported, not guessed. */
        UNRESOLVED,
        /** Not created: its {@code Condition} is false. */
        SKIPPED
    }

    public ResourceCost {
        lines = List.copyOf(lines);
        usage = List.copyOf(usage);
        drivers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(drivers));
        notes = List.copyOf(notes);
    }

    /** The monthly total in USD, to the cent (zero unless priced). */
    public BigDecimal monthlyUsd() {
        return lines.stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code stack/logicalId}: what a diff matches on. */
    public String key() {
        return stack + "/" + logicalId;
    }
}
