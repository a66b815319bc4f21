package dev.tally.audit.scan.pricing;

/** What a price is for; every price in the table is in US dollars per hour of its unit. */
public enum PriceKind {
    /** An EC2 instance-hour: Linux/UNIX, shared tenancy, on-demand, no pre-installed software. Product = type. */
    EC2_INSTANCE_HOUR,
    /** A load balancer-hour. Product = {@code application}, {@code network}, {@code gateway} or {@code classic}. */
    LOAD_BALANCER_HOUR,
    /**
     * A capacity unit-hour (ALB LCU, NLB NLCU, GWLB GLCU). Product = the load balancer type. Classic bills per GB
     * processed instead; for {@code classic} this holds the price per GB.
     */
    LOAD_BALANCER_CAPACITY_UNIT_HOUR
}
