package dev.tally.audit.estimate.price;

import dev.tally.audit.estimate.pricers.ApiGatewayRestApiPricer;
import dev.tally.audit.estimate.pricers.ApiGatewayV2ApiPricer;
import dev.tally.audit.estimate.pricers.CloudTrailPricer;
import dev.tally.audit.estimate.pricers.CloudWatchAlarmPricer;
import dev.tally.audit.estimate.pricers.CloudWatchCompositeAlarmPricer;
import dev.tally.audit.estimate.pricers.CloudWatchDashboardPricer;
import dev.tally.audit.estimate.pricers.DynamoDbTablePricer;
import dev.tally.audit.estimate.pricers.EksClusterPricer;
import dev.tally.audit.estimate.pricers.EksNodegroupPricer;
import dev.tally.audit.estimate.pricers.ElasticIpPricer;
import dev.tally.audit.estimate.pricers.FargateServicePricer;
import dev.tally.audit.estimate.pricers.KmsKeyPricer;
import dev.tally.audit.estimate.pricers.LambdaFunctionPricer;
import dev.tally.audit.estimate.pricers.LoadBalancerPricer;
import dev.tally.audit.estimate.pricers.LogGroupPricer;
import dev.tally.audit.estimate.pricers.NatGatewayPricer;
import dev.tally.audit.estimate.pricers.RdsInstancePricer;
import dev.tally.audit.estimate.pricers.S3BucketPricer;
import dev.tally.audit.estimate.pricers.SecretPricer;
import dev.tally.audit.estimate.pricers.SnsTopicPricer;
import dev.tally.audit.estimate.pricers.SqsQueuePricer;
import dev.tally.audit.estimate.pricers.VpcEndpointPricer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which pricer prices which CloudFormation type, and which types AWS does not charge for. A type in neither is
 * reported as unpriced with its count.
 */
public final class PricerCatalog {
    /**
     * Types with no charge of their own: configuration, permissions, wiring. What they enable is priced where it
     * is billed (a Lambda alias's provisioned concurrency on the function, an SNS subscription's deliveries on the
     * topic, a scalable target's capacity on what it scales).
     */
    public static final Set<String> FREE_TYPES = Set.of(
            "AWS::CDK::Metadata", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::InstanceProfile", "AWS::IAM::ServiceLinkedRole", "AWS::Lambda::Version", "AWS::Lambda::Alias",
            "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::LayerVersion",
            "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription", "AWS::S3::BucketPolicy",
            "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method", "AWS::ApiGateway::Deployment",
            "AWS::ApiGateway::Stage", "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::Model",
            "AWS::ApiGateway::Account", "AWS::ApiGateway::Authorizer", "AWS::ApiGatewayV2::Stage",
            "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::CodeDeploy::Application",
            "AWS::CodeDeploy::DeploymentGroup", "AWS::CodeDeploy::DeploymentConfig",
            "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
            "AWS::KMS::Alias", "AWS::Logs::SubscriptionFilter", "AWS::Logs::MetricFilter", "AWS::Logs::ResourcePolicy",
            "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::Route",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment",
            "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
            "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation",
            "AWS::EC2::LaunchTemplate", "AWS::EC2::FlowLog", "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition",
            "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::ElasticLoadBalancingV2::ListenerCertificate", "AWS::RDS::DBSubnetGroup",
            "AWS::RDS::DBParameterGroup", "AWS::RDS::DBClusterParameterGroup", "AWS::RDS::OptionGroup",
            "AWS::SecretsManager::SecretTargetAttachment", "AWS::SecretsManager::RotationSchedule",
            "AWS::SecretsManager::ResourcePolicy", "AWS::EKS::AccessEntry", "AWS::EKS::Addon",
            "AWS::EKS::PodIdentityAssociation", "AWS::Events::Rule", "AWS::SSM::Parameter",
            "AWS::CloudFormation::WaitConditionHandle", "AWS::CloudFormation::WaitCondition");

    private final Map<String, ResourcePricer> pricers;

    public PricerCatalog(List<ResourcePricer> pricers) {
        Map<String, ResourcePricer> byType = new LinkedHashMap<>();
        pricers.forEach(p -> byType.put(p.resourceType(), p));
        this.pricers = Map.copyOf(byType);
    }

    /** Every pricer Tally ships. */
    public static PricerCatalog standard() {
        return new PricerCatalog(List.of(new LambdaFunctionPricer(), new ApiGatewayRestApiPricer(),
                new ApiGatewayV2ApiPricer(), new SqsQueuePricer(), new DynamoDbTablePricer(), new SnsTopicPricer(),
                new CloudWatchAlarmPricer(), new CloudWatchCompositeAlarmPricer(), new CloudWatchDashboardPricer(),
                new LogGroupPricer(), new KmsKeyPricer(), new S3BucketPricer(), new CloudTrailPricer(),
                new SecretPricer(), new FargateServicePricer(), new LoadBalancerPricer(), new RdsInstancePricer(),
                new EksClusterPricer(), new EksNodegroupPricer(), new NatGatewayPricer(), new ElasticIpPricer(),
                new VpcEndpointPricer()));
    }

    public Optional<ResourcePricer> pricerFor(String type) {
        return Optional.ofNullable(pricers.get(type));
    }

    public boolean isFree(String type) {
        return FREE_TYPES.contains(type) || type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
    }

    /** The types with a pricer. */
    public Set<String> pricedTypes() {
        return new java.util.TreeSet<>(pricers.keySet());
    }
}
