package dev.tally.audit.scan.check;

import dev.tally.audit.scan.model.LoadBalancerType;
import java.util.Optional;

/**
 * What acting on a finding would stop paying for, so the pricing stage can put a monthly figure on it without the
 * check knowing any price.
 */
public sealed interface CostBasis {

    /**
     * A running instance's on-demand hours.
     *
     * @param instanceType the instance type
     * @param region       the region code
     * @param platform     {@code PlatformDetails}, empty when unknown; the table prices Linux, so others are a floor
     * @param spot         a Spot instance, for which on-demand overstates the saving
     * @param tenancy      {@code default}, {@code dedicated} or {@code host}; the table prices shared tenancy, so
     *                     dedicated instances are a floor and a host is billed per host, not per instance
     */
    record InstanceHours(String instanceType, String region, Optional<String> platform, boolean spot, String tenancy)
            implements CostBasis {

        /** A shared-tenancy instance. */
        public InstanceHours(String instanceType, String region, Optional<String> platform, boolean spot) {
            this(instanceType, region, platform, spot, "default");
        }
    }

    /**
     * A load balancer's hourly charge (capacity units are usage-based and near zero for an idle one, so left out).
     *
     * @param type   the load balancer type
     * @param region the region code
     */
    record LoadBalancerHours(LoadBalancerType type, String region) implements CostBasis {
    }

    /**
     * No saving to price: the finding is about exposure or allocation, not spend.
     *
     * @param why what the finding costs instead, in a few words ({@code exposure}, {@code unallocated cost})
     */
    record NotApplicable(String why) implements CostBasis {
    }
}
