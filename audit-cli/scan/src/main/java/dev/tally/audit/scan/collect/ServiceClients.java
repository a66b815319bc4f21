package dev.tally.audit.scan.collect;

import dev.tally.audit.common.aws.AwsSettings;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Builds the SDK clients the scan uses, all through one {@link AwsSettings} (credentials, retries, call ledger,
 * endpoint). S3 gets path-style addressing when its endpoint is redirected, since a local peer or an S3-compatible
 * store has no per-bucket host names.
 *
 * @param settings how every client is configured
 */
public record ServiceClients(AwsSettings settings) {

    public Ec2Client ec2(String region) {
        return settings.build(Ec2Client.builder(), Region.of(region));
    }

    public ElasticLoadBalancingV2Client elbV2(String region) {
        return settings.build(ElasticLoadBalancingV2Client.builder(), Region.of(region));
    }

    public ElasticLoadBalancingClient classicElb(String region) {
        return settings.build(ElasticLoadBalancingClient.builder(), Region.of(region));
    }

    public CloudWatchClient cloudWatch(String region) {
        return settings.build(CloudWatchClient.builder(), Region.of(region));
    }

    public ResourceGroupsTaggingApiClient tagging(String region) {
        return settings.build(ResourceGroupsTaggingApiClient.builder(), Region.of(region));
    }

    public S3Client s3(String region) {
        return settings.configure(S3Client.builder(), Region.of(region))
                .forcePathStyle(settings.endpointRedirected("S3", "S3"))
                .build();
    }

    public S3ControlClient s3Control(String region) {
        return settings.build(S3ControlClient.builder(), Region.of(region));
    }

    /** The Price List API is served from us-east-1 (and a few other regions); the CLI always asks us-east-1. */
    public PricingClient pricing() {
        return settings.build(PricingClient.builder(), Region.US_EAST_1);
    }
}
