package dev.tally.audit.chargeback.report;

import java.math.BigDecimal;

/**
 * One owner's cost of one service, by reason; amounts in cents.
 *
 * @param service  the service name as the source gives it
 * @param direct   tagged usage, credits and refunds
 * @param untagged share of untagged usage (or, for {@code (unallocated)}, the untagged usage itself)
 * @param shared   share of shared pools (support, tax, shared accounts and services)
 */
public record ServiceLine(String service, BigDecimal direct, BigDecimal untagged, BigDecimal shared) {
    public BigDecimal total() {
        return direct.add(untagged).add(shared);
    }
}
