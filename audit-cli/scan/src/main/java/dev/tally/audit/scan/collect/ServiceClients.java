package dev.tally.audit.scan.collect;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.collect.s3.RedirectedS3ControlEndpoints;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;

/**
 * Builds the SDK clients the scan uses, all through one {@link AwsSettings} (credentials, retries, call ledger,
 * endpoint). S3 gets path-style addressing and S3 Control flat host names when their endpoint is redirected, since a
 * local peer or an S3-compatible store has no per-bucket or per-account host names.
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

    /** Through {@link RedirectedS3ControlEndpoints} when the endpoint is redirected (see there why). */
    public S3ControlClient s3Control(String region) {
        S3ControlClientBuilder builder = settings.configure(S3ControlClient.builder(), Region.of(region));
        if (settings.endpointRedirected("S3_CONTROL", "S3Control")) {
            builder.endpointProvider(new RedirectedS3ControlEndpoints());
        }
        return builder.build();
    }

    /** The Price List API is served from us-east-1 (and a few other regions); the CLI always asks us-east-1. */
    public PricingClient pricing() {
        return settings.build(PricingClient.builder(), Region.US_EAST_1);
    }
}
