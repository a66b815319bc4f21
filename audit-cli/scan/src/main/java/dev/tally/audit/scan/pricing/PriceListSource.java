package dev.tally.audit.scan.pricing;

import java.util.List;
import java.util.Set;

/**
 * Fetches current on-demand prices (the AWS Price List API in production) for {@code tally scan prices refresh}.
 * The refresh command writes what it returns as a new price table, then closes the source if it is
 * {@link AutoCloseable} (so an implementation may own its SDK client).
 */
public interface PriceListSource {

    /**
     * Prices for every instance type and load balancer type offered in the regions.
     *
     * @param regions region codes to fetch
     * @return the entries; the refresh fails (writing nothing) if this throws
     */
    List<PriceEntry> fetch(Set<String> regions);

    /** Where the prices come from, recorded in the table ({@code AWS Price List API (pricing.us-east-1)}). */
    String description();
}
