package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What one owner is charged for the month; amounts in cents.
 *
 * @param owner         canonical owner, or {@code (unallocated)}
 * @param department    the owner's parent from the rules, if any
 * @param direct        sum of the services' direct amounts
 * @param untagged      sum of the services' untagged shares
 * @param shared        sum of the services' shared-pool shares
 * @param previousTotal the owner's total in the previous month, when that month was available (zero when the owner
 *                      had no cost then)
 * @param services      per-service lines, largest first
 */
public record OwnerCost(String owner, Optional<String> department, BigDecimal direct, BigDecimal untagged,
        BigDecimal shared, Optional<BigDecimal> previousTotal, List<ServiceLine> services) {
    public OwnerCost {
        services = List.copyOf(services);
    }

    public BigDecimal total() {
        return direct.add(untagged).add(shared);
    }

    /** Month-over-month change, when the previous month is known. */
    public Optional<BigDecimal> change() {
        return previousTotal.map(previous -> total().subtract(previous));
    }
}
