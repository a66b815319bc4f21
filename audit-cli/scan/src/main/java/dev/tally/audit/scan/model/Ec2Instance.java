package dev.tally.audit.scan.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An EC2 instance as {@code DescribeInstances} reports it, with its daily utilisation.
 *
 * @param instanceId   the instance id ({@code i-0abc...})
 * @param accountId    the owning account (12 digits)
 * @param region       the region code ({@code eu-west-1})
 * @param instanceType the instance type ({@code m5.large})
 * @param state        the state at scan time
 * @param launchTime   when the instance was (last) launched, UTC; a stop/start moves it, so it is a lower bound on
 *                     age only for running instances
 * @param platform     {@code PlatformDetails} ({@code Linux/UNIX}, {@code Windows}, ...), or empty when unknown;
 *                     prices in the bundled table are Linux, so a non-Linux platform is priced as a lower bound
 * @param tenancy      {@code default}, {@code dedicated} or {@code host}
 * @param spot         true for a Spot instance ({@code InstanceLifecycle = spot}); on-demand prices overstate it
 * @param tags         the instance's tags (key to value), empty when it has none
 * @param metrics      daily utilisation over the window the scan asked for, or empty when it was not collected
 *                     (the check was not selected, or CloudWatch failed: then a {@link ScanFailure} says so)
 */
public record Ec2Instance(
        String instanceId,
        String accountId,
        String region,
        String instanceType,
        InstanceState state,
        Instant launchTime,
        Optional<String> platform,
        String tenancy,
        boolean spot,
        Map<String, String> tags,
        Optional<DailySeries<InstanceDay>> metrics) {

    /** The tag EC2 Auto Scaling puts on every instance it launches. */
    public static final String ASG_TAG = "aws:autoscaling:groupName";
    /** The tag EKS managed node groups (and eksctl) put on their instances. */
    public static final String EKS_TAG = "eks:cluster-name";
    /** The prefix of the tag the Kubernetes cloud provider and Karpenter use: {@code kubernetes.io/cluster/<name>}. */
    public static final String KUBERNETES_CLUSTER_TAG_PREFIX = "kubernetes.io/cluster/";

    public Ec2Instance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(launchTime, "launchTime");
        platform = platform == null ? Optional.empty() : platform;
        tenancy = tenancy == null ? "default" : tenancy;
        tags = Tags.copyOf(tags);
        metrics = metrics == null ? Optional.empty() : metrics;
    }

    /** {@code arn:aws:ec2:<region>:<account>:instance/<id>} (commercial partition). */
    public String arn() {
        return "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + instanceId;
    }

    /** The Auto Scaling group that owns the instance (from {@value #ASG_TAG}), if any. */
    public Optional<String> autoScalingGroup() {
        return Optional.ofNullable(tags.get(ASG_TAG)).filter(s -> !s.isBlank());
    }

    /** The EKS cluster the instance is a node of ({@value #EKS_TAG} or {@code kubernetes.io/cluster/<name>}), if any. */
    public Optional<String> eksCluster() {
        Optional<String> direct = Optional.ofNullable(tags.get(EKS_TAG)).filter(s -> !s.isBlank());
        if (direct.isPresent()) {
            return direct;
        }
        return tags.keySet().stream()
                .filter(k -> k.startsWith(KUBERNETES_CLUSTER_TAG_PREFIX) && k.length() > KUBERNETES_CLUSTER_TAG_PREFIX.length())
                .map(k -> k.substring(KUBERNETES_CLUSTER_TAG_PREFIX.length()))
                .findFirst();
    }
}
