package dev.tally.audit.scan.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything collected in one region of one account. (API calls and billed CloudWatch metrics are counted by the
 * {@link dev.tally.audit.common.aws.ApiCallLedger} in the session's settings, not here.)
 *
 * @param accountId            the account (12 digits)
 * @param region               the region code
 * @param instances            EC2 instances in every state except terminated
 * @param loadBalancers        load balancers of all four types
 * @param targetGroups         ELB v2 target groups of the region, each once even when shared by several load balancers
 * @param taggedResources      what the Tagging API returned for the region (all resource types)
 * @param failures             what could not be collected here (for example CloudWatch denied while EC2 worked)
 */
public record RegionInventory(
        String accountId,
        String region,
        List<Ec2Instance> instances,
        List<LoadBalancer> loadBalancers,
        List<TargetGroup> targetGroups,
        List<TaggedResource> taggedResources,
        List<ScanFailure> failures) {

    public RegionInventory {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        instances = List.copyOf(instances);
        loadBalancers = List.copyOf(loadBalancers);
        targetGroups = List.copyOf(targetGroups);
        taggedResources = List.copyOf(taggedResources);
        failures = List.copyOf(failures);
    }

    /** An inventory of a region with nothing in it. */
    public static RegionInventory empty(String accountId, String region) {
        return new RegionInventory(accountId, region, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
