package dev.tally.audit.scan.model;

import java.util.Locale;

/** The four Elastic Load Balancing products; each is priced and measured differently. */
public enum LoadBalancerType {
    /** Application Load Balancer (ELB v2, {@code application}). */
    APPLICATION,
    /** Network Load Balancer (ELB v2, {@code network}). */
    NETWORK,
    /** Gateway Load Balancer (ELB v2, {@code gateway}). */
    GATEWAY,
    /** Classic Load Balancer (ELB v1). */
    CLASSIC;

    /** The lower-case name AWS uses ({@code application}, ..., {@code classic}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an ELB v2 {@code Type} or {@code classic}. */
    public static LoadBalancerType fromAws(String type) {
        return valueOf(type.trim().toUpperCase(Locale.ROOT));
    }
}
