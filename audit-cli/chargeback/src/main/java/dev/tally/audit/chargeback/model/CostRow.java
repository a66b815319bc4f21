package dev.tally.audit.chargeback.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One aggregated slice of a month's bill: the cost of one service in one account, of one kind, for one combination of
 * the requested tag values. Sources aggregate before they hand rows over, so a month is thousands of rows, not
 * millions.
 *
 * @param accountId the usage (linked) account
 * @param service   the product name, as the source names it (for example {@code Amazon Elastic Compute Cloud})
 * @param kind      what kind of charge it is
 * @param tags      the requested cost-allocation tag keys to their raw values; a key is absent when untagged
 * @param amount    the cost in {@code currency}, in the report's {@link CostMetric}; negative for credits and refunds
 * @param currency  ISO 4217 code, for example {@code USD}
 */
public record CostRow(String accountId, String service, ChargeKind kind, Map<String, String> tags, BigDecimal amount,
        String currency) {
    public CostRow {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        tags = Map.copyOf(tags);
    }
}
