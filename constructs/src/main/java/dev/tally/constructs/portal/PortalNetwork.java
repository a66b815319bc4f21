package dev.tally.constructs.portal;

import dev.tally.constructs.defaults.VpcDefaults;
import java.util.List;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcProps;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/** The portal's VPC: the one passed in, or a three-tier VPC with flow logs and endpoints. */
final class PortalNetwork {

  /** Services the tasks, the import job and the secret rotation call from private subnets. */
  static final List<InterfaceVpcEndpointAwsService> INTERFACE_SERVICES = List.of(
      InterfaceVpcEndpointAwsService.ECR, InterfaceVpcEndpointAwsService.ECR_DOCKER,
      InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS, InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      InterfaceVpcEndpointAwsService.KMS);
  private static final List<String> INTERFACE_IDS = List.of("EcrApi", "EcrRegistry", "Logs", "SecretsManager", "Kms");

  private PortalNetwork() {}

  static IVpc vpc(Construct scope, CustomerPortalProps p, IBucket logBucket) {
    if (p.vpc() != null) {
      return p.vpc();
    }
    VpcProps.Builder props = VpcDefaults.threeTierVpcProps().natGateways(p.effectiveNatGateways());
    if (p.availabilityZones() != null) {
      props.availabilityZones(p.availabilityZones());
    } else {
      props.maxAzs(p.maxAzs());
    }
    Vpc vpc = new Vpc(scope, "Vpc", props.build());
    // Flow logs to S3 rather than CloudWatch Logs: half the ingestion price and no delivery role to scope.
    vpc.addFlowLog("FlowLog", FlowLogOptions.builder()
        .destination(FlowLogDestination.toS3(logBucket, "vpc-flow-logs/"))
        .trafficType(FlowLogTrafficType.ALL)
        .build());
    // Gateway endpoints are free: S3 traffic (documents, manifests, image layers) never crosses a NAT gateway.
    vpc.addGatewayEndpoint("S3Endpoint", GatewayVpcEndpointOptions.builder()
        .service(GatewayVpcEndpointAwsService.S3).build());
    if (p.interfaceEndpoints()) {
      for (int i = 0; i < INTERFACE_SERVICES.size(); i++) {
        InterfaceVpcEndpoint endpoint = vpc.addInterfaceEndpoint(INTERFACE_IDS.get(i) + "Endpoint",
            InterfaceVpcEndpointOptions.builder()
                .service(INTERFACE_SERVICES.get(i))
                .privateDnsEnabled(true)
                .subnets(applicationSubnets())
                .open(false)
                .build());
        // HTTPS from inside the VPC, by its literal range (the CDK's default rule names it by a token).
        endpoint.getConnections().allowFrom(Peer.ipv4(VpcDefaults.CIDR), Port.tcp(443), "HTTPS from the VPC");
      }
    }
    return vpc;
  }

  /** Tasks and functions: private, with egress. */
  static SubnetSelection applicationSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  /** The database: isolated subnets when the VPC has them, else private ones; never public. */
  static SubnetSelection databaseSubnets(IVpc vpc) {
    return SubnetSelection.builder().subnetType(vpc.getIsolatedSubnets().isEmpty()
        ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED).build();
  }
}
