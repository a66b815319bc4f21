package dev.tally.audit.scan.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One on-demand price: what the Price List API fetcher returns and the bundled table holds.
 *
 * @param kind    what is priced
 * @param region  the region code ({@code us-east-1})
 * @param product the instance type ({@code m7g.large}) or load balancer type ({@code application})
 * @param usd     US dollars per hour of the unit (per GB for a Classic load balancer's capacity price), never
 *                negative
 */
public record PriceEntry(PriceKind kind, String region, String product, BigDecimal usd) {
    public PriceEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(usd, "usd");
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative: " + kind + " " + region + " " + product);
        }
    }
}
