package dev.tally.audit.scan.collect;

import dev.tally.audit.common.aws.ApiCallLedger.ApiCall;
import java.util.Map;
import java.util.Optional;

/**
 * Which IAM action authorises each SDK operation the scan makes. The names differ in places (S3 {@code ListBuckets}
 * is {@code s3:ListAllMyBuckets}; S3 Control {@code GetPublicAccessBlock} is {@code s3:GetAccountPublicAccessBlock};
 * both ELB APIs share the {@code elasticloadbalancing} prefix), so the table is explicit and an operation missing
 * from it fails the least-privilege test rather than being guessed.
 */
final class IamActionMapping {
    /** Operations AWS authorises without any IAM permission. */
    static final String NO_PERMISSION_NEEDED = "";

    private static final Map<ApiCall, String> ACTIONS = Map.ofEntries(
            Map.entry(new ApiCall("Ec2", "DescribeInstances"), "ec2:DescribeInstances"),
            Map.entry(new ApiCall("Ec2", "DescribeRegions"), "ec2:DescribeRegions"),
            Map.entry(new ApiCall("ElasticLoadBalancingV2", "DescribeLoadBalancers"),
                    "elasticloadbalancing:DescribeLoadBalancers"),
            Map.entry(new ApiCall("ElasticLoadBalancingV2", "DescribeListeners"),
                    "elasticloadbalancing:DescribeListeners"),
            Map.entry(new ApiCall("ElasticLoadBalancingV2", "DescribeTargetGroups"),
                    "elasticloadbalancing:DescribeTargetGroups"),
            Map.entry(new ApiCall("ElasticLoadBalancingV2", "DescribeTargetHealth"),
                    "elasticloadbalancing:DescribeTargetHealth"),
            Map.entry(new ApiCall("ElasticLoadBalancingV2", "DescribeTags"), "elasticloadbalancing:DescribeTags"),
            Map.entry(new ApiCall("ElasticLoadBalancing", "DescribeLoadBalancers"),
                    "elasticloadbalancing:DescribeLoadBalancers"),
            Map.entry(new ApiCall("ElasticLoadBalancing", "DescribeInstanceHealth"),
                    "elasticloadbalancing:DescribeInstanceHealth"),
            Map.entry(new ApiCall("ElasticLoadBalancing", "DescribeTags"), "elasticloadbalancing:DescribeTags"),
            Map.entry(new ApiCall("S3", "ListBuckets"), "s3:ListAllMyBuckets"),
            Map.entry(new ApiCall("S3", "GetPublicAccessBlock"), "s3:GetBucketPublicAccessBlock"),
            Map.entry(new ApiCall("S3", "GetBucketPolicyStatus"), "s3:GetBucketPolicyStatus"),
            Map.entry(new ApiCall("S3", "GetBucketAcl"), "s3:GetBucketAcl"),
            Map.entry(new ApiCall("S3", "GetBucketTagging"), "s3:GetBucketTagging"),
            Map.entry(new ApiCall("S3Control", "GetPublicAccessBlock"), "s3:GetAccountPublicAccessBlock"),
            Map.entry(new ApiCall("CloudWatch", "GetMetricData"), "cloudwatch:GetMetricData"),
            Map.entry(new ApiCall("ResourceGroupsTaggingApi", "GetResources"), "tag:GetResources"),
            Map.entry(new ApiCall("Organizations", "ListAccounts"), "organizations:ListAccounts"),
            Map.entry(new ApiCall("Sts", "AssumeRole"), "sts:AssumeRole"),
            Map.entry(new ApiCall("Sts", "GetCallerIdentity"), NO_PERMISSION_NEEDED),
            Map.entry(new ApiCall("Pricing", "GetProducts"), "pricing:GetProducts"));

    private IamActionMapping() {
    }

    /** The IAM action, {@link #NO_PERMISSION_NEEDED}, or empty when the table does not know the operation. */
    static Optional<String> actionFor(ApiCall call) {
        return Optional.ofNullable(ACTIONS.get(call));
    }
}
