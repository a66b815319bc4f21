package dev.tally.audit.scan.collect;

import dev.tally.audit.scan.collect.cloudwatch.DailyWindow;
import dev.tally.audit.scan.collect.cloudwatch.MetricDataFetcher;
import dev.tally.audit.scan.collect.ec2.InstanceInventory;
import dev.tally.audit.scan.collect.ec2.InstanceReader;
import dev.tally.audit.scan.collect.ec2.RegionLister;
import dev.tally.audit.scan.collect.elb.ClassicLoadBalancerReader;
import dev.tally.audit.scan.collect.elb.LoadBalancerInventory;
import dev.tally.audit.scan.collect.elb.LoadBalancerV2Reader;
import dev.tally.audit.scan.collect.s3.AccountPublicAccessBlockReader;
import dev.tally.audit.scan.collect.s3.BucketInventory;
import dev.tally.audit.scan.collect.s3.BucketReader;
import dev.tally.audit.scan.collect.tagging.TaggedResourceReader;
import dev.tally.audit.scan.model.AccountInventory;
import dev.tally.audit.scan.model.BlockPublicAccess;
import dev.tally.audit.scan.model.Bucket;
import dev.tally.audit.scan.model.CollectionScope;
import dev.tally.audit.scan.model.Ec2Instance;
import dev.tally.audit.scan.model.RegionInventory;
import dev.tally.audit.scan.model.TaggedResource;
import dev.tally.audit.scan.run.AccountSession;
import dev.tally.audit.scan.run.CollectionException;
import dev.tally.audit.scan.run.InventoryCollector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * The scan's AWS side: reads one account × region (or one account's S3) through the adapters into the immutable
 * model. Stateless apart from its parallelism, so the scan may call it from many threads at once.
 *
 * <p>Each part (instances, their metrics, ELB v2, Classic ELB, their traffic, Tagging) fails on its own and is
 * recorded in the inventory's failures; only when every part of a region fails (an opt-in region that is not
 * enabled, a role with no rights there) does {@link #collectRegion} throw, so the scan reports the region as lost.
 */
public final class AwsInventoryCollector implements InventoryCollector {
    /** Per-resource calls in flight at once within one region or account: enough to hide latency, few enough to
     * stay clear of the APIs' request-rate limits. */
    public static final int DEFAULT_PARALLELISM = 8;

    /** Per-bucket calls in flight at once: four small calls per bucket, thousands of buckets, no low rate limit. */
    public static final int BUCKET_PARALLELISM = 16;

    private final BoundedParallel parallel;
    private final BoundedParallel bucketParallel;
    private final int metricQueriesPerCall;

    public AwsInventoryCollector() {
        this(DEFAULT_PARALLELISM);
    }

    /** @param parallelism per-resource calls in flight at once within one region or account */
    public AwsInventoryCollector(int parallelism) {
        this(parallelism, MetricDataFetcher.MAX_QUERIES_PER_CALL);
    }

    /**
     * @param parallelism          per-resource calls (and CloudWatch batches) in flight at once per region or account
     * @param metricQueriesPerCall queries per GetMetricData call: 500 (the maximum) in production; 1 reproduces the
     *                             one-metric-per-call baseline the benchmark compares against
     */
    public AwsInventoryCollector(int parallelism, int metricQueriesPerCall) {
        this.parallel = new BoundedParallel(parallelism);
        this.bucketParallel = new BoundedParallel(Math.max(parallelism, BUCKET_PARALLELISM));
        this.metricQueriesPerCall = metricQueriesPerCall;
    }

    @Override
    public List<String> enabledRegions(AccountSession session, String homeRegion) {
        try (Ec2Client ec2 = new ServiceClients(session.settings()).ec2(homeRegion)) {
            return new RegionLister(ec2).enabledRegions();
        } catch (FailedCall failed) {
            throw asCollectionException(failed.toFailure(session.accountId(), homeRegion), failed);
        }
    }

    @Override
    public RegionInventory collectRegion(AccountSession session, String region, CollectionScope scope) {
        String account = session.accountId();
        FailureLog failures = new FailureLog(account, region);
        ServiceClients clients = new ServiceClients(session.settings());
        List<Ec2Instance> instances = List.of();
        LoadBalancerInventory.Result balancers = new LoadBalancerInventory.Result(List.of(), List.of());
        List<TaggedResource> tagged = List.of();
        try (CloudWatchClient cloudWatch = clients.cloudWatch(region)) {
            MetricDataFetcher metrics = new MetricDataFetcher(cloudWatch, metricQueriesPerCall, parallel);
            if (scope.instances()) {
                try (Ec2Client ec2 = clients.ec2(region)) {
                    Optional<DailyWindow> window = scope.instanceMetricDays() > 0
                            ? Optional.of(new DailyWindow(scope.instanceMetricsFirstDay(), scope.lastDay()))
                            : Optional.empty();
                    instances = new InstanceInventory(new InstanceReader(ec2), metrics)
                            .collect(account, region, window, failures).orElse(List.of());
                }
            }
            if (scope.loadBalancers()) {
                try (ElasticLoadBalancingV2Client v2 = clients.elbV2(region);
                     ElasticLoadBalancingClient classic = clients.classicElb(region)) {
                    Optional<DailyWindow> window = scope.loadBalancerMetricDays() > 0
                            ? Optional.of(new DailyWindow(scope.loadBalancerMetricsFirstDay(), scope.lastDay()))
                            : Optional.empty();
                    balancers = new LoadBalancerInventory(new LoadBalancerV2Reader(v2),
                            new ClassicLoadBalancerReader(classic), metrics, parallel)
                            .collect(account, region, window, failures);
                }
            }
            if (scope.taggedResources()) {
                try (ResourceGroupsTaggingApiClient tagging = clients.tagging(region)) {
                    tagged = failures.attempt(() -> new TaggedResourceReader(tagging).resources()).orElse(List.of())
                            .stream()
                            .map(mapping -> new TaggedResource(mapping.resourceARN(), tagMap(mapping.tags())))
                            .toList();
                }
            }
        }
        if (failures.everythingFailed()) {
            CollectionFailure first = failures.failures().get(0);
            throw asCollectionException(first, null);
        }
        return new RegionInventory(account, region, instances, balancers.loadBalancers(), balancers.targetGroups(),
                tagged, failures.scanFailures());
    }

    @Override
    public AccountInventory collectAccount(AccountSession session, String homeRegion, CollectionScope scope) {
        String account = session.accountId();
        if (!scope.buckets()) {
            return AccountInventory.empty(account);
        }
        FailureLog failures = new FailureLog(account, "global");
        ServiceClients clients = new ServiceClients(session.settings());
        Map<String, S3Client> byRegion = new ConcurrentHashMap<>();
        try (S3ControlClient control = clients.s3Control(homeRegion)) {
            Optional<BlockPublicAccess> accountBlock = failures.attempt(() ->
                            new AccountPublicAccessBlockReader(control).accountPublicAccessBlock(account))
                    .flatMap(found -> found.map(BucketInventory::toModel));
            S3Client home = byRegion.computeIfAbsent(homeRegion, clients::s3);
            List<Bucket> buckets = new BucketInventory(new BucketReader(home),
                    region -> new BucketReader(byRegion.computeIfAbsent(region, clients::s3)), bucketParallel)
                    .collect(account, homeRegion, failures).orElse(List.of());
            if (failures.everythingFailed()) {
                throw asCollectionException(failures.failures().get(0), null);
            }
            return new AccountInventory(account, accountBlock, buckets, failures.scanFailures());
        } finally {
            byRegion.values().forEach(S3Client::close);
        }
    }

    private static Map<String, String> tagMap(
            List<software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return map;
    }

    private static CollectionException asCollectionException(CollectionFailure failure, Throwable cause) {
        return new CollectionException(failure.service(), failure.toScanFailure().message(), cause);
    }
}
