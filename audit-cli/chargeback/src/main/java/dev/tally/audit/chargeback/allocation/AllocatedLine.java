package dev.tally.audit.chargeback.allocation;

import java.math.BigDecimal;

/**
 * One owner's cost of one service for one reason, rounded to the cent.
 *
 * @param owner   canonical owner, or {@value AllocationRules#UNALLOCATED}
 * @param service the service the cost was incurred on (a shared support pool keeps its support service name)
 * @param basis   why the owner carries it
 * @param amount  in the month's currency, scale 2; negative when credits exceed usage
 */
public record AllocatedLine(String owner, String service, AllocationBasis basis, BigDecimal amount) {
}
