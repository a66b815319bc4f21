package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;

/** A service's cost across all owners, in cents; the report's "top services". */
public record ServiceCost(String service, BigDecimal total) {
}
