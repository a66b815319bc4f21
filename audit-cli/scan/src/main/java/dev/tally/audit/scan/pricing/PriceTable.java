package dev.tally.audit.scan.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * On-demand prices by kind, region and product, with when and where they were taken from.
 *
 * @param snapshotDate the day the prices were taken (fetched, or compiled for the bundled table)
 * @param source       where they come from, in a sentence (shown in reports so a reader knows how far to trust them)
 * @param entries      the prices; a later entry for the same kind, region and product replaces an earlier one
 */
public record PriceTable(LocalDate snapshotDate, String source, List<PriceEntry> entries) {
    public PriceTable {
        Objects.requireNonNull(snapshotDate, "snapshotDate");
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
    }

    /** The price, if the table has one. */
    public Optional<BigDecimal> price(PriceKind kind, String region, String product) {
        return index().getOrDefault(kind, Map.of()).getOrDefault(region, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().equals(product)).map(Map.Entry::getValue).findFirst();
    }

    /** Whether the table has any price for the region. */
    public boolean covers(String region) {
        return entries.stream().anyMatch(e -> e.region().equals(region));
    }

    /** kind → region → product → price, sorted (the on-disk layout). */
    public Map<PriceKind, Map<String, Map<String, BigDecimal>>> index() {
        Map<PriceKind, Map<String, Map<String, BigDecimal>>> index = new TreeMap<>();
        for (PriceEntry e : entries) {
            index.computeIfAbsent(e.kind(), k -> new TreeMap<>()).computeIfAbsent(e.region(), r -> new TreeMap<>())
                    .put(e.product(), e.usd());
        }
        return Collections.unmodifiableMap(index);
    }
}
