package dev.tally.audit.estimate.price;

import dev.tally.audit.scan.pricing.PriceKind;
import dev.tally.audit.scan.pricing.PriceTable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The prices of one region, from the scan's price table, indexed once (a pricer looks up several rates per resource).
 */
public final class Rates {
    private final PriceTable table;
    private final String region;
    private final Map<PriceKind, Map<String, BigDecimal>> byKind = new EnumMap<>(PriceKind.class);

    /**
     * @param table  the table (its date goes into every report)
     * @param region the region whose prices are used
     */
    public Rates(PriceTable table, String region) {
        this.table = table;
        this.region = region;
        table.index().forEach((kind, regions) -> byKind.put(kind, regions.getOrDefault(region, Map.of())));
    }

    public PriceTable table() {
        return table;
    }

    public String region() {
        return region;
    }

    /**
     * The price of a usage type.
     *
     * @throws MissingPrice naming the kind, product, region and the table's date when the table lacks it
     */
    public BigDecimal rate(PriceKind kind, String product) {
        BigDecimal price = byKind.getOrDefault(kind, Map.of()).get(product);
        if (price == null) {
            throw new MissingPrice("no " + kind + " price '" + product + "' for " + region + " in the price table of "
                    + table.snapshotDate());
        }
        return price;
    }
}
