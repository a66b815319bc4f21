package dev.tally.audit.chargeback.source.cur;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One group of a CUR month: the summed cost of the line items sharing an account, service, line item type and tag
 * values, exactly as the grouped query of {@link CurAggregationQuery} returns it (NULL stays {@code null}).
 *
 * @param account      {@code line_item_usage_account_id}
 * @param service      {@code line_item_product_code}
 * @param lineItemType {@code line_item_line_item_type}
 * @param tagValues    per requested tag, in request order: the value, {@code null} when untagged or empty
 * @param amount       the summed cost, scale 10
 * @param lineItems    how many line items the group holds
 */
public record CurGroup(String account, String service, String lineItemType, List<String> tagValues, BigDecimal amount,
        long lineItems) {
    public CurGroup {
        // List.copyOf rejects nulls, and an untagged value is null.
        tagValues = Collections.unmodifiableList(new ArrayList<>(tagValues));
        Objects.requireNonNull(amount, "amount");
    }
}
