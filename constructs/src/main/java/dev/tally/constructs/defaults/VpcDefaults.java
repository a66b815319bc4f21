package dev.tally.constructs.defaults;

import java.util.List;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.VpcProps;

/** Default props for VPCs. */
public final class VpcDefaults {

  /** Name of the public subnets (load balancers, NAT gateways). */
  public static final String PUBLIC_SUBNETS = "Public";
  /** Name of the private subnets with a route to a NAT gateway (tasks, functions). */
  public static final String APPLICATION_SUBNETS = "Application";
  /** Name of the isolated subnets (databases: no route to or from the internet). */
  public static final String DATA_SUBNETS = "Data";

  /** Address range of a created VPC: a literal, so security-group rules that name it stay checkable. */
  public static final String CIDR = "10.40.0.0/16";

  private VpcDefaults() {}

  /**
   * A three-tier VPC: /24 public subnets for load balancers, /20 private subnets for tasks, /24 isolated subnets for
   * databases. The AZs are chosen without an AWS look-up ({@code maxAzs} on an environment-agnostic stack), so
   * synthesis needs no credentials. The caller sets {@code maxAzs} and {@code natGateways}.
   */
  public static VpcProps.Builder threeTierVpcProps() {
    return VpcProps.builder()
        .ipAddresses(IpAddresses.cidr(CIDR))
        // Restricting the default security group takes a custom-resource Lambda (with an AWS managed policy); the
        // constructs never place anything in the default group, so there is nothing for it to protect.
        .restrictDefaultSecurityGroup(false)
        .subnetConfiguration(List.of(
            SubnetConfiguration.builder().name(PUBLIC_SUBNETS).subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
            SubnetConfiguration.builder().name(APPLICATION_SUBNETS).subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                .cidrMask(20).build(),
            SubnetConfiguration.builder().name(DATA_SUBNETS).subnetType(SubnetType.PRIVATE_ISOLATED)
                .cidrMask(24).build()));
  }
}
