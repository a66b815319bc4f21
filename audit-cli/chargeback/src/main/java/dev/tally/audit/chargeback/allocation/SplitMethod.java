package dev.tally.audit.chargeback.allocation;

/** How a pool of cost (shared, or untagged) is divided among owners. */
public enum SplitMethod {
    /** In proportion to each owner's direct (tagged) spend of the month; owners with no positive spend get nothing. */
    PROPORTIONAL,
    /** Equally across owners. */
    EVEN,
    /** Entirely to one named owner. */
    FIXED;

    /** The spelling used in the rules file. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
