package dev.tally.audit.scan.collect.ec2;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Resolves {@code --regions all}: the regions enabled for the account ({@code ec2:DescribeRegions}). Opt-in regions
 * the account has not enabled are not returned, so the scan never calls into them.
 */
public final class RegionLister {
    private final Ec2Client ec2;

    public RegionLister(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** Region codes enabled for the account, sorted. */
    public List<String> enabledRegions() {
        // AllRegions=false (the default) returns only regions with opt-in-status opt-in-not-required or opted-in.
        return AwsCall.named("Ec2", "DescribeRegions", () -> ec2.describeRegions(DescribeRegionsRequest.builder()
                        .allRegions(false).build())
                .regions().stream()
                .map(Region::regionName)
                .sorted()
                .toList());
    }
}
