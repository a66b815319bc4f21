package dev.tally.audit.estimate.price;

import dev.tally.audit.scan.pricing.PriceKind;
import dev.tally.audit.scan.pricing.PriceTable;
import java.math.BigDecimal;

/**
 * The prices of one region, from the scan's price table.
 *
 * @param table  the table (its date goes into every report)
 * @param region the region whose prices are used
 */
public record Rates(PriceTable table, String region) {

    /**
     * The price of a usage type.
     *
     * @throws MissingPrice naming the kind, product, region and the table's date when the table lacks it
     */
    public BigDecimal rate(PriceKind kind, String product) {
        return table.price(kind, region, product).orElseThrow(() -> new MissingPrice("no " + kind + " price '" + product
                + "' for " + region + " in the price table of " + table.snapshotDate()));
    }
}
